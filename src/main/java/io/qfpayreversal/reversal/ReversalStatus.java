package io.qfpayreversal.reversal;

/** The outcome of {@code reverse}, as docs/contract.md names it. */
public enum ReversalStatus {
    /** QFPay confirmed the reversal. */
    REVERSED,
    /** QFPay confirmed the close. */
    CLOSED,
    /** QFPay is still processing after the polling budget; ask again with {@code status}. */
    PROCESSING,
    /** The payment completed: it cannot be reversed and must be refunded. */
    REFUND_REQUIRED,
    /** QFPay has no such transaction. */
    NOT_FOUND,
    /** QFPay refused for another reason; {@code respcd} says which. */
    REJECTED
}
