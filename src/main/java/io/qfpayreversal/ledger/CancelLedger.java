package io.qfpayreversal.ledger;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.time.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The cancel ledger: what every invocation, in every execution environment, has sent and may still
 * apply. A cancel is recorded with a conditional write before it is sent (so two environments never
 * both send one for the same payment attempt), answers that could lead to a refund read it first,
 * and what QFPay's row later shows closes the entry. A ledger that cannot be read or written is
 * {@link QfpayUnavailableException}: nothing is sent and no refund advised on an unknown ledger.
 */
@ApplicationScoped
public class CancelLedger {

    private static final Logger LOG = Logger.getLogger(CancelLedger.class);
    /** Conditional claims lost to entries that then turned out closed or run out, before giving up. */
    private static final int CLAIM_TRIES = 3;

    private final LedgerClient client;
    private final QfpayConfig config;
    private final Clock clock;

    CancelLedger(LedgerClient client, QfpayConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records that {@code claimant} is about to send {@code operation} for the attempt
     * ({@code merchant}, {@code syssn}). Empty when it is recorded (send it); else the other
     * claimant's entry that may still apply, or that QFPay's row already showed cancelled (send
     * nothing: settle by querying). Only an entry whose window ended, or whose cancels QFPay all
     * refused, gives way: a caller that read the row before another's cancel applied must not send.
     */
    public Optional<LedgerEntry> claim(String merchant, String syssn, CancelOperation operation, Claimant claimant,
            Deadline deadline) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            LedgerEntry entry = new LedgerEntry(merchant, syssn, operation, claimant.requestId(), claimant.claimId(),
                    now, now.plus(config.ledger().settleWindow()), null, null, null);
            try {
                client.get().putItem(b -> b.tableName(table())
                        .item(LedgerItems.item(entry, config.ledger().keepFor()))
                        .conditionExpression("(attribute_not_exists(#syssn) OR #until <= :now"
                                + " OR #settled = :refused OR #claim = :claim) AND attribute_not_exists(#advised)")
                        .expressionAttributeNames(Map.of("#syssn", LedgerItems.SYSSN,
                                "#until", LedgerItems.MAY_APPLY_UNTIL, "#settled", LedgerItems.SETTLED_AS,
                                "#claim", LedgerItems.CLAIM_ID, "#advised", LedgerItems.REFUND_ADVISED_AT))
                        .expressionAttributeValues(Map.of(":now", LedgerItems.n(now.toEpochMilli()),
                                ":claim", LedgerItems.s(claimant.claimId()), ":refused", LedgerItems.s(LedgerEntry.REFUSED)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .overrideConfiguration(within(deadline, "record a cancel in")));
                LOG.debugf("cancel ledger: recorded %s", entry.describe());
                return Optional.empty();
            } catch (ConditionalCheckFailedException taken) {
                Map<String, AttributeValue> old = taken.hasItem() ? taken.item() : null;
                Optional<LedgerEntry> theirs = old != null ? Optional.of(LedgerItems.entry(old))
                        : read(merchant, syssn, deadline);
                if (theirs.isPresent() && (theirs.get().mayApplyAt(clock.instant()) || theirs.get().refundAdvised()
                        || LedgerEntry.CANCELLED.equals(theirs.get().settledAs()))) {
                    LOG.infof("cancel ledger: not sending, %s", theirs.get().describe());
                    return theirs;
                }
                if (attempt == CLAIM_TRIES) {
                    throw new QfpayUnavailableException("The cancel ledger (table " + table() + ") kept refusing"
                            + " to record a cancel of payment " + syssn + " although no other cancel is in flight;"
                            + " nothing was sent. Retrying later is safe.");
                }
            } catch (SdkException e) {
                throw LedgerFaults.of("written", table(), e);
            }
        }
    }

    /**
     * Marks the attempt as advised for a refund, unless a cancel of a claimant other than
     * {@code claimant} may still apply to it: one conditional write, so a cancel recorded at the same
     * moment either comes first (and is returned: advise no refund) or finds the mark (and is not
     * sent). Empty when the mark is written.
     */
    public Optional<LedgerEntry> adviseRefund(String merchant, String syssn, Claimant claimant, Deadline deadline) {
        Instant now = clock.instant();
        try {
            client.get().updateItem(b -> b.tableName(table()).key(LedgerItems.key(merchant, syssn))
                    .updateExpression("SET #advised = :now, #advisedBy = :by, #expires = if_not_exists(#expires, :expires)")
                    .conditionExpression("attribute_not_exists(#until) OR #until <= :now OR attribute_exists(#settled)"
                            + " OR #claim = :claim")
                    .expressionAttributeNames(Map.of("#advised", LedgerItems.REFUND_ADVISED_AT,
                            "#advisedBy", LedgerItems.REFUND_ADVISED_BY, "#expires", LedgerItems.EXPIRES_AT,
                            "#until", LedgerItems.MAY_APPLY_UNTIL, "#settled", LedgerItems.SETTLED_AS,
                            "#claim", LedgerItems.CLAIM_ID))
                    .expressionAttributeValues(Map.of(":now", LedgerItems.n(now.toEpochMilli()),
                            ":by", LedgerItems.s(claimant.requestId()), ":claim", LedgerItems.s(claimant.claimId()),
                            ":expires", LedgerItems.n(now.plus(config.ledger().keepFor()).getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(within(deadline, "mark a refund advice in")));
            return Optional.empty();
        } catch (ConditionalCheckFailedException inFlight) {
            Optional<LedgerEntry> theirs = inFlight.hasItem() ? Optional.of(LedgerItems.entry(inFlight.item()))
                    : read(merchant, syssn, deadline);
            // Only a cancel still in its window fails the condition; a read that no longer shows one is retried by the caller.
            return Optional.of(theirs.filter(entry -> entry.mayApplyAt(clock.instant())).orElseThrow(() ->
                    new QfpayUnavailableException("The cancel ledger (table " + table() + ") refused a refund mark"
                            + " for payment " + syssn + " without showing a cancel in flight; retrying is safe.")));
        } catch (SdkException e) {
            throw LedgerFaults.of("written", table(), e);
        }
    }

    /**
     * The entries of claimants other than {@code claimId} that may still apply now to any of the
     * attempts {@code syssns} (one consistent read each).
     */
    public List<LedgerEntry> inFlight(String merchant, Collection<String> syssns, String claimId, Deadline deadline) {
        Instant now = clock.instant();
        List<LedgerEntry> inFlight = new ArrayList<>();
        for (String syssn : syssns) {
            read(merchant, syssn, deadline)
                    .filter(entry -> !claimId.equals(entry.claimId()) && entry.mayApplyAt(now))
                    .ifPresent(inFlight::add);
        }
        return inFlight;
    }

    /**
     * Moves the end of an open entry's window to a full settle window from now: the cancel it records
     * was sent again (the window counts from the last send), or QFPay still shows the attempt
     * undetermined, so the cancel may still be on its way. Only an entry that is still {@code claimId}'s,
     * not closed and not marked for a refund is moved, and only later; otherwise nothing changes. A
     * ledger that cannot be written is an error, as for a claim: nothing may then be concluded.
     */
    public void keepOpen(String merchant, String syssn, String claimId, Deadline deadline) {
        Instant until = clock.instant().plus(config.ledger().settleWindow());
        try {
            client.get().updateItem(b -> b.tableName(table()).key(LedgerItems.key(merchant, syssn))
                    .updateExpression("SET #until = :until")
                    .conditionExpression("#claim = :claim AND #until < :until AND attribute_not_exists(#settled)"
                            + " AND attribute_not_exists(#advised)")
                    .expressionAttributeNames(Map.of("#until", LedgerItems.MAY_APPLY_UNTIL,
                            "#claim", LedgerItems.CLAIM_ID, "#settled", LedgerItems.SETTLED_AS,
                            "#advised", LedgerItems.REFUND_ADVISED_AT))
                    .expressionAttributeValues(Map.of(":until", LedgerItems.n(until.toEpochMilli()),
                            ":claim", LedgerItems.s(claimId)))
                    .overrideConfiguration(within(deadline, "keep an entry open in")));
            LOG.debugf("cancel ledger: the cancel of payment %s may apply until %s", syssn, until);
        } catch (ConditionalCheckFailedException e) {
            LOG.debugf("cancel ledger: the entry of payment %s was closed, marked or moved meanwhile", syssn);
        } catch (SdkException e) {
            throw LedgerFaults.of("written", table(), e);
        }
    }

    /**
     * Closes {@code claimant}'s entry for the attempt: QFPay's row shows it cancelled, or refused every
     * cancel sent. Best effort: an entry left open only makes others wait until its window ends.
     */
    public void settle(String merchant, String syssn, Claimant claimant, String settledAs, Deadline deadline) {
        try {
            client.get().updateItem(b -> b.tableName(table()).key(LedgerItems.key(merchant, syssn))
                    .updateExpression("SET #settled = :as, #settledAt = :now")
                    .conditionExpression("#claim = :claim")
                    .expressionAttributeNames(Map.of("#settled", LedgerItems.SETTLED_AS,
                            "#settledAt", LedgerItems.SETTLED_AT, "#claim", LedgerItems.CLAIM_ID))
                    .expressionAttributeValues(Map.of(":as", LedgerItems.s(settledAs),
                            ":now", LedgerItems.n(clock.instant().toEpochMilli()),
                            ":claim", LedgerItems.s(claimant.claimId())))
                    .overrideConfiguration(within(deadline, "close an entry of")));
            LOG.debugf("cancel ledger: closed the entry of payment %s as %s", syssn, settledAs);
        } catch (ConditionalCheckFailedException e) {
            LOG.debugf("cancel ledger: the entry of payment %s is no longer ours; left as it is", syssn);
        } catch (SdkException | QfpayUnavailableException e) {
            LOG.warnf("cancel ledger: could not close the entry of payment %s (%s); it runs out at the end of its"
                    + " settle window", syssn, e.getMessage());
        }
    }

    private Optional<LedgerEntry> read(String merchant, String syssn, Deadline deadline) {
        try {
            var item = client.get().getItem(b -> b.tableName(table()).key(LedgerItems.key(merchant, syssn))
                    .consistentRead(true).overrideConfiguration(within(deadline, "read")));
            return item.hasItem() && !item.item().isEmpty() ? Optional.of(LedgerItems.entry(item.item()))
                    : Optional.empty();
        } catch (SdkException e) {
            throw LedgerFaults.of("read", table(), e);
        }
    }

    /** The call's time-outs from the invocation's one budget. */
    private AwsRequestOverrideConfiguration within(Deadline deadline, String doing) {
        Duration call = deadline.callTimeout(config.ledger().callTimeout()).filter(t -> !t.isZero())
                .orElseThrow(() -> LedgerFaults.noTime(doing, table()));
        Duration attempt = config.ledger().attemptTimeout();
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(call)
                .apiCallAttemptTimeout(attempt.compareTo(call) < 0 ? attempt : call).build();
    }

    private String table() {
        return config.ledger().table().map(String::trim).filter(t -> !t.isEmpty()).orElseThrow(
                () -> new ConfigurationException("QFPAY_LEDGER_TABLE is not set: without the cancel ledger no cancel"
                        + " is sent and no refund advised (docs/deploy.md)"));
    }
}
