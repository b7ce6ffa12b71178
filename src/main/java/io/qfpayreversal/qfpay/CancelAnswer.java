package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.databind.JsonNode;

/** QFPay's answer to a reversal or close, or the fault that left its outcome unknown. */
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
        String chnlsn,
        RetryPolicy.Fault fault,
        String failure) {

    static CancelAnswer from(CancelOperation operation, JsonNode body) {
        return new CancelAnswer(operation,
                LenientJson.respcd(body),
                LenientJson.text(body, "resperr"),
                LenientJson.text(body, "respmsg"),
                LenientJson.text(body, "syssn"),
                LenientJson.text(body, "orig_syssn"),
                LenientJson.text(body, "out_trade_no"),
                LenientJson.whole(body, "txamt"),
                LenientJson.text(body, "txcurrcd"),
                LenientJson.text(body, "txdtm"),
                LenientJson.text(body, "sysdtm"),
                LenientJson.text(body, "chnlsn"),
                null, null);
    }

    /** A cancel that was (or may have been) sent but got no usable answer. */
    static CancelAnswer unknown(CancelOperation operation, RetryPolicy.Fault fault, String failure) {
        return new CancelAnswer(operation, null, null, null, null, null, null, null, null, null, null, null,
                fault, failure);
    }

    /**
     * What the answer means. A close answered 0000 without a close serial did not cancel: the
     * channel does not support it.
     */
    public RespcdMeaning meaning() {
        RespcdMeaning meaning = RespcdMeaning.of(respcd, operation);
        return meaning == RespcdMeaning.SUCCESS && operation == CancelOperation.CLOSE && syssn == null
                ? RespcdMeaning.NOT_SUPPORTED : meaning;
    }

    /** Whether QFPay answered at all (else {@link #fault()} says why not). */
    public boolean answered() {
        return fault == null;
    }
}
