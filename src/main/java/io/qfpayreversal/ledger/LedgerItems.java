package io.qfpayreversal.ledger;

import io.qfpayreversal.qfpay.CancelOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's item layout, in one place: key {@code merchant} (hash) and {@code syssn} (range);
 * times as epoch milliseconds ({@code sent_at}, {@code may_apply_until}, {@code settled_at}) and the
 * TTL attribute {@code expires_at} in epoch seconds, as DynamoDB's TTL reads it.
 */
final class LedgerItems {

    static final String MERCHANT = "merchant";
    static final String SYSSN = "syssn";
    static final String OPERATION = "operation";
    static final String REQUEST_ID = "request_id";
    static final String CLAIM_ID = "claim_id";
    static final String SENT_AT = "sent_at";
    static final String MAY_APPLY_UNTIL = "may_apply_until";
    static final String EXPIRES_AT = "expires_at";
    static final String SETTLED_AS = "settled_as";
    static final String SETTLED_AT = "settled_at";
    static final String REFUND_ADVISED_AT = "refund_advised_at";
    static final String REFUND_ADVISED_BY = "refund_advised_by";

    private LedgerItems() {
    }

    static Map<String, AttributeValue> key(String merchant, String syssn) {
        return Map.of(MERCHANT, s(merchant), SYSSN, s(syssn));
    }

    static Map<String, AttributeValue> item(LedgerEntry entry, Duration keepFor) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.merchant(), entry.syssn()));
        item.put(OPERATION, s(entry.operation().wireName()));
        item.put(REQUEST_ID, s(entry.requestId()));
        item.put(CLAIM_ID, s(entry.claimId()));
        item.put(SENT_AT, n(entry.sentAt().toEpochMilli()));
        item.put(MAY_APPLY_UNTIL, n(entry.mayApplyUntil().toEpochMilli()));
        item.put(EXPIRES_AT, n(entry.mayApplyUntil().plus(keepFor).getEpochSecond()));
        return item;
    }

    static LedgerEntry entry(Map<String, AttributeValue> item) {
        return new LedgerEntry(text(item, MERCHANT), text(item, SYSSN), operation(text(item, OPERATION)),
                text(item, REQUEST_ID), text(item, CLAIM_ID), instant(item, SENT_AT), instant(item, MAY_APPLY_UNTIL),
                text(item, SETTLED_AS), item.containsKey(REFUND_ADVISED_AT) ? instant(item, REFUND_ADVISED_AT) : null,
                text(item, REFUND_ADVISED_BY));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /**
     * {@code null} when the item records no cancel (only a refund advice); an operation this version
     * does not know is taken as a reversal: it may still apply all the same.
     */
    private static CancelOperation operation(String wireName) {
        if (wireName == null) {
            return null;
        }
        return CancelOperation.CLOSE.wireName().equals(wireName) ? CancelOperation.CLOSE : CancelOperation.REVERSAL;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A time that is missing or unreadable is taken as "far in the future": the entry may still apply. */
    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.n()));
        } catch (RuntimeException e) {
            return Instant.MAX;
        }
    }
}
