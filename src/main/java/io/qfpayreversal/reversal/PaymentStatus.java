package io.qfpayreversal.reversal;

import io.qfpayreversal.qfpay.PaymentRow;

/** The state of a payment, as the {@code status} action reports it. */
public enum PaymentStatus {
    PENDING,
    PAID,
    REVERSED,
    CLOSED,
    REFUNDED,
    NOT_FOUND;

    /** One place maps a QFPay query row (its {@code respcd} and {@code cancel} flag) to a state. */
    public static PaymentStatus of(PaymentRow row) {
        if (row == null) {
            return NOT_FOUND;
        }
        return switch (row.cancel()) {
            case PaymentRow.NOT_CANCELLED -> row.isPaid() ? PAID : PENDING;
            case PaymentRow.CLOSED -> CLOSED;
            case PaymentRow.REFUNDED, PaymentRow.PARTLY_REFUNDED -> REFUNDED;
            default -> REVERSED;
        };
    }
}
