package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of {@code /trade/v1/query}: a payment (or refund) as QFPay sees it now. */
public record PaymentRow(
        String syssn,
        String outTradeNo,
        String orderType,
        String payType,
        Long txamt,
        String txcurrcd,
        String txdtm,
        String sysdtm,
        String respcd,
        String errmsg,
        int cancel,
        String chnlsn) {

    /** {@code cancel} flag values, from QFPay's query documentation. */
    public static final int NOT_CANCELLED = 0;
    public static final int REVERSED = 1;
    public static final int CLOSED = 2;
    public static final int REFUNDED = 3;
    public static final int PARTLY_REFUNDED = 5;
    /** The row had no readable {@code cancel} flag: never taken as "not cancelled". */
    public static final int UNKNOWN = -1;

    static PaymentRow from(JsonNode row) {
        Long cancel = LenientJson.whole(row, "cancel");
        return new PaymentRow(
                LenientJson.text(row, "syssn"),
                LenientJson.text(row, "out_trade_no"),
                LenientJson.text(row, "order_type"),
                LenientJson.text(row, "pay_type"),
                LenientJson.whole(row, "txamt"),
                LenientJson.text(row, "txcurrcd"),
                LenientJson.text(row, "txdtm"),
                LenientJson.text(row, "sysdtm"),
                LenientJson.respcd(row),
                LenientJson.text(row, "errmsg"),
                cancel == null ? UNKNOWN : cancel.intValue(),
                LenientJson.text(row, "chnlsn"));
    }

    /** Refund rows share the order number; only payment rows can be cancelled. */
    public boolean isPayment() {
        return orderType == null || "payment".equalsIgnoreCase(orderType);
    }

    /** Not cancelled and 1143/1145: the customer may still complete it. */
    public boolean isUndetermined() {
        return RespcdMeaning.isUndeterminedPayment(respcd) && cancel == NOT_CANCELLED;
    }
}
