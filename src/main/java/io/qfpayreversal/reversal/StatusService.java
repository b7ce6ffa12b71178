package io.qfpayreversal.reversal;

import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.ledger.CancelLedger;
import io.qfpayreversal.ledger.Claimant;
import io.qfpayreversal.ledger.LedgerEntry;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.time.Deadline;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code status} action: what QFPay shows of a payment now, and, where the row shows it paid or
 * pending, whether a cancel recorded in the cancel ledger may still apply ({@code CANCELLING}). It
 * never acts; a ledger that cannot be read is an error, never {@code PAID}.
 */
@ApplicationScoped
public class StatusService {

    private final CredentialsProvider credentials;
    private final PaymentLookup lookup;
    private final CancelLedger ledger;

    StatusService(CredentialsProvider credentials, PaymentLookup lookup, CancelLedger ledger) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.ledger = ledger;
    }

    /** {@code requestId}: the invocation's, named in a refund advice's mark in the ledger. */
    public ReversalResult status(ReversalRequest request, Deadline deadline, String requestId) {
        request.logIds();
        QfpaySession session = QfpaySession.of(credentials.openSession(deadline), deadline);
        PaymentLookup.Found found = lookup.find(request, session);
        ReversalResult.Builder result = ReversalResult.builder(request);
        if (found.refused()) {
            throw new QfpayUnavailableException("QFPay refused the status query (respcd "
                    + found.answer().respcd() + ")");
        }
        PaymentRow row = found.payments().deciding(any -> false);
        PaymentStatus status = PaymentStatus.of(row == null ? null : PaymentState.of(row));
        if (row == null) {
            result.answered(found.answer().respcd(), found.answer().resperr(), found.answer().respmsg());
        } else {
            result.payment(row);
            if (status == PaymentStatus.REVERSED || status == PaymentStatus.CLOSED) {
                result.alreadyCancelled();
            }
        }
        // PAID, and REFUNDED in part (the rest to refund), are refund advice.
        boolean refundAdvice = status == PaymentStatus.PAID
                || status == PaymentStatus.REFUNDED && PaymentState.of(row) == PaymentState.PARTLY_REFUNDED;
        if (refundAdvice || status == PaymentStatus.PENDING) {
            String merchant = LedgerClaims.merchantOf(request, session.credentials());
            Claimant claimant = Claimant.of(requestId);
            // Refund advice is marked in the ledger unless a cancel may still apply (then CANCELLING).
            LedgerEntry inFlight = (refundAdvice
                    ? LedgerClaims.beforeRefundAdvice(ledger, merchant, found.payments(), request, claimant, deadline)
                    : LedgerClaims.inFlight(ledger, merchant, found.payments(), request, claimant.claimId(), deadline))
                    .orElse(null);
            if (inFlight != null) {
                result.retryable();
                return result.build(PaymentStatus.CANCELLING, "QFPay shows the payment "
                        + (refundAdvice ? "paid" : "not completed") + ", but " + inFlight.describe()
                        + " (the cancel ledger). Do not refund: ask again after " + inFlight.mayApplyUntil() + ".");
            }
        }
        return result.build(status, describe(status, row));
    }

    private static String describe(PaymentStatus status, PaymentRow row) {
        return switch (status) {
            case PENDING -> PaymentState.of(row) == PaymentState.PENDING
                    ? "QFPay shows the payment as not completed (respcd " + row.respcd() + ")."
                    : "QFPay shows the payment as failed (respcd " + row.respcd() + "): it did not complete.";
            case PAID -> "The payment completed; cancel it with a refund.";
            case REVERSED -> "The payment was reversed.";
            case CLOSED -> "The payment was closed.";
            case REFUNDED -> PaymentState.of(row) == PaymentState.PARTLY_REFUNDED
                    ? "The payment was partly refunded." : "The payment was refunded.";
            case NOT_FOUND -> "QFPay has no such payment.";
            case CANCELLING -> throw new IllegalArgumentException("CANCELLING is decided with the ledger");
        };
    }
}
