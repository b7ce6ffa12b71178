package io.qfpayreversal.qfpay;

/** The two ways QFPay cancels an unfinished payment; which one depends on the pay type. */
public enum CancelOperation {
    REVERSAL("reversal"),
    CLOSE("close");

    private final String wireName;

    CancelOperation(String wireName) {
        this.wireName = wireName;
    }

    /** The path segment after {@code /trade/v1/}, also the result's {@code operation} value. */
    public String wireName() {
        return wireName;
    }
}
