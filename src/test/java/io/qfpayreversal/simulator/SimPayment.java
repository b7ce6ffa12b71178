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
    volatile String respcd;
    volatile int cancel;
    volatile int cancelInFlight;
    volatile int queriesUntilCancelled = 2;

    public SimPayment(String syssn, String outTradeNo, String payType, long txamt, LocalDateTime txdtm,
            Script script) {
        this.syssn = syssn;
        this.outTradeNo = outTradeNo;
        this.payType = payType;
        this.txamt = txamt;
        this.txdtm = txdtm;
        this.script = script;
        this.respcd = script == Script.PAID ? "0000" : "1143";
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
}
