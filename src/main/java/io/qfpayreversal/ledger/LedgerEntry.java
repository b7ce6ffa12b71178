package io.qfpayreversal.ledger;

import io.qfpayreversal.qfpay.CancelOperation;
import java.time.Instant;

/**
 * One cancel recorded in the ledger: which payment attempt ({@code merchant}, {@code syssn}), which
 * operation, whose invocation sent it ({@code requestId}; {@code claimId} tells one {@code reverse}
 * call from another even when Lambda retries an event under the same request id), when, and until
 * when it may still apply. {@code settledAs} is set once QFPay's row or answer closed it.
 * {@code refundAdvisedAt}/{@code refundAdvisedBy}: an invocation found the attempt paid with no cancel
 * in flight and advised a refund; no cancel is recorded (so none sent) for it after that. An item may
 * hold only that mark ({@code operation} then {@code null}).
 */
public record LedgerEntry(String merchant, String syssn, CancelOperation operation, String requestId,
        String claimId, Instant sentAt, Instant mayApplyUntil, String settledAs, Instant refundAdvisedAt,
        String refundAdvisedBy) {

    /** Settled because QFPay's row shows the payment cancelled or refunded in full. */
    public static final String CANCELLED = "cancelled";
    /** Settled because QFPay refused (or never received) every cancel the claimant sent: none can apply. */
    public static final String REFUSED = "refused";

    /** Whether a cancel is recorded here that may still apply at {@code now}: not settled, its window open. */
    public boolean mayApplyAt(Instant now) {
        return operation != null && settledAs == null && now.isBefore(mayApplyUntil);
    }

    /** Whether an invocation advised refunding the attempt: no cancel may be recorded for it. */
    public boolean refundAdvised() {
        return refundAdvisedAt != null;
    }

    /** For answers and logs: whose cancel, which operation, sent when, may apply until when. */
    public String describe() {
        if (operation == null) {
            return "invocation " + refundAdvisedBy + " found payment " + syssn + " paid at " + refundAdvisedAt
                    + " and advised a refund";
        }
        String cancel = "a " + operation.wireName() + " of payment " + syssn + " sent at " + sentAt
                + " by invocation " + requestId;
        return settledAs != null ? cancel + " was settled as " + settledAs : cancel + " may still apply until " + mayApplyUntil;
    }
}
