package io.qfpayreversal.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Another execution environment of the function, as the ledger sees it: a second writer with its own
 * request id against the same moto table, recording its cancel the way the function does (item layout
 * of docs/failure-handling.md) and with the same condition, just before it "sends" it. What it sent
 * is played by the QFPay simulator (e.g. {@code SimPayment.otherCancelInFlight}).
 */
public final class OtherEnvironment {

    /** The function's merchant key when the configuration names no mchid (the app code's own). */
    public static final String OWN_MERCHANT = "-";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String requestId;

    private OtherEnvironment(DynamoDbClient dynamoDb, String table, String requestId) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.requestId = requestId;
    }

    /** Another environment of the test function, with request id {@code requestId}. */
    public static OtherEnvironment of(String requestId) {
        return new OtherEnvironment(TestEnvironment.ssm().dynamoDb(), QfpayTestEnvironment.LEDGER_TABLE, requestId);
    }

    public String requestId() {
        return requestId;
    }

    /** Records a cancel of {@code syssn} sent now that may apply for {@code window} (conditional, as the function). */
    public void recordsCancel(String syssn, String operation, Duration window) {
        recordsCancel(syssn, operation, VirtualTime.get().instant(), window);
    }

    public void recordsCancel(String syssn, String operation, Instant sentAt, Duration window) {
        Instant until = sentAt.plus(window);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("merchant", AttributeValue.fromS(OWN_MERCHANT));
        item.put("syssn", AttributeValue.fromS(syssn));
        item.put("operation", AttributeValue.fromS(operation));
        item.put("request_id", AttributeValue.fromS(requestId));
        item.put("claim_id", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("sent_at", number(sentAt.toEpochMilli()));
        item.put("may_apply_until", number(until.toEpochMilli()));
        item.put("expires_at", number(until.plus(Duration.ofDays(7)).getEpochSecond()));
        dynamoDb.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(syssn) OR may_apply_until <= :now OR settled_as = :refused")
                .expressionAttributeValues(Map.of(":now", number(sentAt.toEpochMilli()), ":refused", AttributeValue.fromS("refused"))));
    }

    /**
     * Found the attempt paid with no cancel in flight and advised a refund: marks it in the ledger the way
     * the function does (only when no cancel may still apply), so no stale cancel is sent after.
     */
    public void advisesRefund(String syssn) {
        long now = VirtualTime.get().instant().toEpochMilli();
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("merchant", AttributeValue.fromS(OWN_MERCHANT), "syssn", AttributeValue.fromS(syssn)))
                .updateExpression("SET refund_advised_at = :now, refund_advised_by = :by,"
                        + " expires_at = if_not_exists(expires_at, :expires)")
                .conditionExpression("attribute_not_exists(may_apply_until) OR may_apply_until <= :now"
                        + " OR attribute_exists(settled_as)")
                .expressionAttributeValues(Map.of(":now", number(now), ":by", AttributeValue.fromS(requestId),
                        ":expires", number(now / 1000 + Duration.ofDays(7).toSeconds()))));
    }

    /** Closes its entry as the function does once QFPay's row shows the payment cancelled. */
    public void settles(String syssn, String as) {
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("merchant", AttributeValue.fromS(OWN_MERCHANT), "syssn", AttributeValue.fromS(syssn)))
                .updateExpression("SET settled_as = :as, settled_at = :now")
                .expressionAttributeValues(Map.of(":as", AttributeValue.fromS(as),
                        ":now", number(VirtualTime.get().instant().toEpochMilli()))));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
