package io.qfpayreversal.simulator;

import java.time.LocalDateTime;

/** One payment held by the simulator; mutable because QFPay's view of it changes. */
public final class SimPayment {

    final String syssn;
    final String outTradeNo;
    final String payType;
    final long txamt;
    final LocalDateTime txdtm;
    final Script script;
    /** The sub-merchant the payment belongs to when the app code is an agent's; {@code null}: the app code's own. */
    volatile String mchid;
    /** QFPay's own time, which its queries filter on; a second after {@code txdtm} unless set. */
    volatile LocalDateTime sysdtm;
    volatile String respcd;
    volatile int cancel;
    /** A cancel QFPay took but has not applied yet (1 or 2); other cancels meanwhile answer 1102. */
    volatile int cancelInFlight;
    volatile int queriesUntilCancelled = 2;
    /** What the row has become by the time the next cancel arrives (a race), or {@code null}. */
    volatile String meanwhileRespcd;
    volatile int meanwhileCancel;

    public SimPayment(String syssn, String outTradeNo, String payType, long txamt, LocalDateTime txdtm,
            Script script) {
        this.syssn = syssn;
        this.outTradeNo = outTradeNo;
        this.payType = payType;
        this.txamt = txamt;
        this.txdtm = txdtm;
        this.script = script;
        this.respcd = script == Script.PAID ? "0000" : "1143";
        this.sysdtm = txdtm.plusSeconds(1);
    }

    /** The payment belongs to sub-merchant {@code mchid} of an agent's app code (see {@link QfpaySimulator#actAsAgentFor}). */
    public SimPayment ofMerchant(String mchid) {
        this.mchid = mchid;
        return this;
    }

    /** QFPay filed the payment at {@code sysdtm} (its own clock), e.g. just past a month boundary. */
    public SimPayment filedAt(LocalDateTime sysdtm) {
        this.sysdtm = sysdtm;
        return this;
    }

    /** The customer completed the payment at the wallet: QFPay's row shows 0000 from now on. */
    public SimPayment paid() {
        this.respcd = "0000";
        return this;
    }

    /** A failed attempt: QFPay answered the payment with an error code. */
    public SimPayment failed() {
        this.respcd = "1181";
        return this;
    }

    /**
     * Another caller's cancel ({@code flag} 1 reversal, 2 close) reached QFPay first and applies
     * after two more queries; until then every cancel answers 1102 (duplicate).
     */
    public SimPayment otherCancelInFlight(int flag) {
        this.cancelInFlight = flag;
        return this;
    }

    /** The cancel in flight never applies: QFPay keeps the payment undetermined. */
    public SimPayment neverApplied() {
        this.queriesUntilCancelled = Integer.MAX_VALUE;
        return this;
    }

    /**
     * A race: by the time the next reversal or close arrives, the row shows {@code respcd} and
     * {@code cancel} (the customer paid, it was refunded, ...); the cancel is answered from that.
     */
    public SimPayment meanwhile(String respcd, int cancel) {
        this.meanwhileRespcd = respcd;
        this.meanwhileCancel = cancel;
        return this;
    }

    /** A payment already cancelled with the given flag (1 reversed, 2 closed, 3 refunded, 5 partly). */
    public SimPayment cancelled(int flag) {
        this.cancel = flag;
        if (flag >= 3) {
            this.respcd = "0000";
        }
        return this;
    }

    /** As the function's input spells it: {@code yyyy-MM-dd HH:mm:ss}. */
    public String txdtm() {
        return txdtm.format(QfpaySimulator.TIME);
    }

    public long txamt() {
        return txamt;
    }

    public String outTradeNo() {
        return outTradeNo;
    }

    public String syssn() {
        return syssn;
    }

    public int cancel() {
        return cancel;
    }

    public String respcd() {
        return respcd;
    }

    /** The owning sub-merchant, or {@code null} for the app code's own merchant. */
    public String mchid() {
        return mchid;
    }
}
