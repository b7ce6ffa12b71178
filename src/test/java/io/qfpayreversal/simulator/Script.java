package io.qfpayreversal.simulator;

/** How a simulated payment behaves when the function queries or cancels it. */
public enum Script {
    /** Not completed; a reversal or close succeeds at once. */
    PENDING,
    /** Completed; QFPay refuses to reverse it (1260). */
    PAID,
    /** The cancel answers 1143; the payment shows cancelled after a few more queries. */
    PROCESSING_THEN_CANCELLED,
    /** The cancel answers 1143 and the payment never shows an outcome. */
    PROCESSING_FOREVER,
    /** The cancel answers 0000, but the customer paid meanwhile: the query shows it completed. */
    PAID_DURING_CANCEL,
    /** Every call about this payment answers HTTP 500. */
    SERVER_ERROR,
    /** Every call about this payment answers after a delay longer than the client's read timeout. */
    SLOW,
    /** Every call about this payment answers an HTML page instead of JSON. */
    GARBAGE,
    /** Queries answer normally; every reversal or close answers HTTP 500. */
    CANCEL_SERVER_ERROR,
    /** The channel cannot cancel: a close answers 1297, a reversal 1150. */
    NOT_CANCELLABLE,
    /** The cancel answers 0000, but the row keeps showing the payment open (QFPay's view lags). */
    CONFIRMED_ROW_LAGS,
    /** Queries list the payment, but a cancel answers 1136 (transaction not found). */
    CANCEL_NOT_FOUND
}
