package io.qfpayreversal.reversal;

import io.qfpayreversal.logging.LogFields;

/**
 * A validated {@code reverse} or {@code status} request. Every field is already known to be
 * well-formed; optional ones are {@code null} when absent.
 */
public record ReversalRequest(
        Action action,
        String syssn,
        String outTradeNo,
        Long txamt,
        String txdtm,
        String payType,
        String mchid,
        String udid) {

    /** Puts the payment's ids on every log line of the invocation. */
    public void logIds() {
        LogFields.put(LogFields.SYSSN, syssn);
        LogFields.put(LogFields.OUT_TRADE_NO, outTradeNo);
    }

    /** The identifier to show in logs and messages: the serial if given, else the order number. */
    public String displayId() {
        return syssn != null ? "syssn " + syssn : "out_trade_no " + outTradeNo;
    }
}
