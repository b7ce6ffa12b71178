package io.qfpayreversal.reversal;

/** The state of a payment, as the {@code status} action reports it. */
public enum PaymentStatus {
    PENDING,
    PAID,
    /**
     * QFPay's row shows the payment paid or still pending, but a reversal or close recorded in the
     * cancel ledger may still apply: never refund on it; ask again after it may no longer apply.
     */
    CANCELLING,
    REVERSED,
    CLOSED,
    REFUNDED,
    NOT_FOUND;

    /** The status of a row's {@link PaymentState}; {@code null} (no row) is NOT_FOUND. */
    public static PaymentStatus of(PaymentState state) {
        if (state == null) {
            return NOT_FOUND;
        }
        return switch (state) {
            case PENDING, FAILED -> PENDING;
            case PAID -> PAID;
            case REVERSED -> REVERSED;
            case CLOSED -> CLOSED;
            case REFUNDED, PARTLY_REFUNDED -> REFUNDED;
        };
    }
}
