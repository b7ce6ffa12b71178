package io.qfpayreversal.reversal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.qfpayreversal.qfpay.CancelAnswer;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The normalised answer of {@code reverse} and {@code status} (docs/contract.md). Every key is always
 * present; absent values are {@code null}.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReversalResult(
        String status,
        String operation,
        boolean alreadyCancelled,
        String syssn,
        String origSyssn,
        String outTradeNo,
        String payType,
        Long txamt,
        String txcurrcd,
        String txdtm,
        String sysdtm,
        String chnlsn,
        String respcd,
        String resperr,
        String respmsg,
        boolean retryable,
        String message) {

    public static final String NO_OPERATION = "none";

    public static Builder builder(ReversalRequest request) {
        Builder b = new Builder();
        b.origSyssn = request.syssn();
        b.outTradeNo = request.outTradeNo();
        b.payType = request.payType();
        b.txamt = request.txamt();
        b.txdtm = request.txdtm();
        return b;
    }

    /** Collects the answer from the request, the payment row and the cancel answer, in that order. */
    public static final class Builder {
        private String status;
        private String operation = NO_OPERATION;
        private boolean alreadyCancelled;
        private String syssn;
        private String origSyssn;
        private String outTradeNo;
        private String payType;
        private Long txamt;
        private String txcurrcd;
        private String txdtm;
        private String sysdtm;
        private String chnlsn;
        private String respcd;
        private String resperr;
        private String respmsg;
        private boolean retryable;

        private Builder() {
        }

        /** What QFPay's query shows of the payment; its {@code respcd} stands until a cancel answers. */
        public Builder payment(PaymentRow row) {
            if (row == null) {
                return this;
            }
            origSyssn = or(row.syssn(), origSyssn);
            outTradeNo = or(row.outTradeNo(), outTradeNo);
            payType = or(row.payType(), payType);
            txamt = row.txamt() != null ? row.txamt() : txamt;
            txcurrcd = or(row.txcurrcd(), txcurrcd);
            txdtm = or(row.txdtm(), txdtm);
            sysdtm = or(row.sysdtm(), sysdtm);
            chnlsn = or(row.chnlsn(), chnlsn);
            respcd = row.respcd();
            resperr = row.errmsg();
            respmsg = null;
            return this;
        }

        /** QFPay's answer to the reversal or close that was sent. */
        public Builder cancel(CancelAnswer answer) {
            operation = answer.operation().wireName();
            syssn = answer.syssn();
            origSyssn = or(answer.origSyssn(), origSyssn);
            outTradeNo = or(answer.outTradeNo(), outTradeNo);
            txcurrcd = or(answer.txcurrcd(), txcurrcd);
            sysdtm = or(answer.sysdtm(), sysdtm);
            chnlsn = or(answer.chnlsn(), chnlsn);
            respcd = answer.respcd();
            resperr = answer.resperr();
            respmsg = answer.respmsg();
            return this;
        }

        /** A result code from an answer that carried no payment (e.g. a query that found nothing). */
        public Builder answered(String code, String error, String msg) {
            respcd = code;
            resperr = error;
            respmsg = msg;
            return this;
        }

        /** A cancel was sent, though its answer is not what decided the outcome. */
        public Builder sent(CancelOperation cancel) {
            operation = cancel.wireName();
            return this;
        }

        public Builder alreadyCancelled() {
            alreadyCancelled = true;
            return this;
        }

        public Builder retryable() {
            retryable = true;
            return this;
        }

        public ReversalResult build(Enum<?> outcome, String message) {
            status = outcome.name();
            return new ReversalResult(status, operation, alreadyCancelled, syssn, origSyssn, outTradeNo, payType,
                    txamt, txcurrcd, txdtm, sysdtm, chnlsn, respcd, resperr, respmsg, retryable, message);
        }

        private static String or(String preferred, String fallback) {
            return preferred != null ? preferred : fallback;
        }
    }
}
