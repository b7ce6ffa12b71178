package io.qfpayreversal.reversal;

import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;

/**
 * What QFPay's row says of one payment: the one mapping of its {@code cancel} flag and
 * {@code respcd}, shared by {@code reverse} and {@code status}. The flag comes first: a reversed
 * payment can still show {@code respcd} 0000.
 */
public enum PaymentState {
    /** Not cancelled, 1143/1145: the customer may still complete it. */
    PENDING,
    /** Not cancelled, another non-0000 code: the attempt failed, but its channel may still charge. */
    FAILED,
    /** Not cancelled, 0000: the customer was charged. */
    PAID,
    /** {@code cancel} 1. */
    REVERSED,
    /** {@code cancel} 2. */
    CLOSED,
    /** {@code cancel} 3: refunded in full. */
    REFUNDED,
    /** {@code cancel} 5: paid, then partly refunded; the rest is still with the merchant. */
    PARTLY_REFUNDED;

    /**
     * The state of {@code row}. A {@code cancel} flag that is missing or that QFPay does not
     * document is an answer this function cannot read: {@link QfpayUnavailableException}; it acts
     * on no such row.
     */
    public static PaymentState of(PaymentRow row) {
        return switch (row.cancel()) {
            case PaymentRow.NOT_CANCELLED -> "0000".equals(row.respcd()) ? PAID
                    : row.isUndetermined() ? PENDING : FAILED;
            case PaymentRow.REVERSED -> REVERSED;
            case PaymentRow.CLOSED -> CLOSED;
            case PaymentRow.REFUNDED -> REFUNDED;
            case PaymentRow.PARTLY_REFUNDED -> PARTLY_REFUNDED;
            default -> throw new QfpayUnavailableException("QFPay shows payment " + row.syssn() + " with "
                    + (row.cancel() == PaymentRow.UNKNOWN ? "no readable cancel flag" : "cancel flag " + row.cancel())
                    + ", which this function does not act on. Check the payment with QFPay.");
        };
    }

    /** Not completed and not cancelled: a reversal or close can still apply. */
    public boolean cancellable() {
        return this == PENDING || this == FAILED;
    }

    /**
     * Which of several attempts under one order decides the answer, lowest first: money taken,
     * then attempts still open, then cancelled ones; failed attempts last.
     */
    int urgency() {
        return switch (this) {
            case PAID -> 0;
            case PARTLY_REFUNDED -> 1;
            case PENDING -> 2;
            case REVERSED, CLOSED -> 3;
            case REFUNDED -> 4;
            case FAILED -> 5;
        };
    }
}
