package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/** The pending payments the bench puts in the QFPay simulator, and the events that name them. */
final class Payments {

    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");

    private final AtomicLong serials = new AtomicLong(20261125500000000L);
    private final QfpaySimulator qfpay;

    Payments(QfpaySimulator qfpay) {
        this.qfpay = qfpay;
    }

    /** A payment made five minutes ago, pending at QFPay. */
    SimPayment pending() {
        return add("BENCH-", 5);
    }

    /** A payment pending for half an hour: work for the sweep. */
    SimPayment stale() {
        return add("BENCH-SWEEP-", 30);
    }

    /** A reverse event for a new pending payment (query, reversal, confirming query). */
    String reverseEvent() {
        SimPayment p = pending();
        return "{\"syssn\":\"" + p.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + p.txdtm() + "\"}";
    }

    /** A status event for a new pending payment (one query). */
    String statusEvent() {
        return "{\"action\":\"status\",\"syssn\":\"" + pending().syssn() + "\"}";
    }

    /** Checks the answer's status; returns its duration at the Runtime API. */
    static double expect(RuntimeApiEmulator.Answer answer, String status) {
        if (!answer.text().contains("\"status\":\"" + status + "\"")) {
            throw new IllegalStateException("expected " + status + ", got: " + answer.text());
        }
        return answer.durationMillis();
    }

    private SimPayment add(String orderPrefix, int minutesAgo) {
        long serial = serials.incrementAndGet();
        return qfpay.add(new SimPayment(String.valueOf(serial), orderPrefix + serial, "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(minutesAgo), Script.PENDING));
    }
}
