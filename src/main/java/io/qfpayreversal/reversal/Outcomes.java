package io.qfpayreversal.reversal;

import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;

/** The outcome of a payment QFPay already shows cancelled, by its {@code cancel} flag. */
final class Outcomes {

    private Outcomes() {
    }

    static ReversalStatus cancelled(CancelOperation operation) {
        return operation == CancelOperation.CLOSE ? ReversalStatus.CLOSED : ReversalStatus.REVERSED;
    }

    static ReversalResult alreadyCancelled(PaymentRow row, ReversalResult.Builder result) {
        return switch (row.cancel()) {
            case PaymentRow.REVERSED -> result.alreadyCancelled().build(ReversalStatus.REVERSED,
                    "QFPay had already reversed this payment; nothing new was sent.");
            case PaymentRow.CLOSED -> result.alreadyCancelled().build(ReversalStatus.CLOSED,
                    "QFPay had already closed this payment; nothing new was sent.");
            case PaymentRow.REFUNDED -> result.build(ReversalStatus.REJECTED,
                    "The payment completed and was refunded in full; there is nothing to cancel.");
            case PaymentRow.PARTLY_REFUNDED -> result.build(ReversalStatus.REFUND_REQUIRED,
                    "The payment completed and was partly refunded: refund the rest instead.");
            default -> result.build(ReversalStatus.REJECTED,
                    "QFPay shows an unknown cancel flag " + row.cancel() + "; nothing was sent.");
        };
    }
}
