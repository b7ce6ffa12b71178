package io.qfpayreversal.ledger;

import io.qfpayreversal.qfpay.CancelOperation;
import java.time.Instant;

/**
 * One cancel recorded in the ledger: which payment attempt ({@code merchant}, {@code syssn}), which
 * operation, whose invocation sent it ({@code requestId}; {@code claimId} tells one {@code reverse}
 * call from another even when Lambda retries an event under the same request id), when, and until
 * when it may still apply. {@code settledAs} is set once QFPay's row or answer closed it.
 */
public record LedgerEntry(String merchant, String syssn, CancelOperation operation, String requestId,
        String claimId, Instant sentAt, Instant mayApplyUntil, String settledAs) {

    /** Settled because QFPay's row shows the payment cancelled or refunded in full. */
    public static final String CANCELLED = "cancelled";
    /** Settled because QFPay refused (or never received) every cancel the claimant sent: none can apply. */
    public static final String REFUSED = "refused";

    /** Whether this cancel may still apply at {@code now}: not settled, and its window still open. */
    public boolean mayApplyAt(Instant now) {
        return settledAs == null && now.isBefore(mayApplyUntil);
    }

    /** For answers and logs: whose cancel, which operation, sent when, may apply until when. */
    public String describe() {
        return "a " + operation.wireName() + " of payment " + syssn + " sent at " + sentAt
                + " by invocation " + requestId + " may still apply until " + mayApplyUntil;
    }
}
