package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.databind.JsonNode;

/** QFPay's answer to a reversal or close. */
public record CancelAnswer(
        CancelOperation operation,
        String respcd,
        String resperr,
        String respmsg,
        String syssn,
        String origSyssn,
        String outTradeNo,
        Long txamt,
        String txcurrcd,
        String txdtm,
        String sysdtm,
        String chnlsn) {

    static CancelAnswer from(CancelOperation operation, JsonNode body) {
        return new CancelAnswer(operation,
                LenientJson.text(body, "respcd"),
                LenientJson.text(body, "resperr"),
                LenientJson.text(body, "respmsg"),
                LenientJson.text(body, "syssn"),
                LenientJson.text(body, "orig_syssn"),
                LenientJson.text(body, "out_trade_no"),
                LenientJson.whole(body, "txamt"),
                LenientJson.text(body, "txcurrcd"),
                LenientJson.text(body, "txdtm"),
                LenientJson.text(body, "sysdtm"),
                LenientJson.text(body, "chnlsn"));
    }

    public RespcdMeaning meaning() {
        return RespcdMeaning.of(respcd, operation);
    }
}
