package io.qfpayreversal.reversal;

import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.time.Deadline;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code status} action: what QFPay shows of a payment now. It never acts. */
@ApplicationScoped
public class StatusService {

    private final CredentialsProvider credentials;
    private final PaymentLookup lookup;

    StatusService(CredentialsProvider credentials, PaymentLookup lookup) {
        this.credentials = credentials;
        this.lookup = lookup;
    }

    public ReversalResult status(ReversalRequest request, Deadline deadline) {
        request.logIds();
        PaymentLookup.Found found = lookup.find(request, QfpaySession.of(credentials.openSession(deadline), deadline));
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
        };
    }
}
