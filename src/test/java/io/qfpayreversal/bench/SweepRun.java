package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.QfpaySimulator;
import java.util.Map;

/**
 * The sweep timed: stale payments in the simulator, the sweep enabled as the template's
 * SweepFunction has it, one sweep invocation after the cold start; QFPay calls per minute against
 * the configured rate.
 */
final class SweepRun {

    private SweepRun() {
    }

    static SweepResult measure(Variant variant, LaunchSettings settings, QfpaySimulator qfpay, Payments payments,
            int stale, int ratePerMinute) throws Exception {
        System.out.println("Sweeping " + stale + " stale payments at " + ratePerMinute + "/min (" + variant.name()
                + ") ...");
        qfpay.reset();
        for (int i = 0; i < stale; i++) {
            payments.stale();
        }
        LaunchSettings sweepSettings = settings.with(Map.of(
                "QFPAY_SWEEP_ENABLED", "true",
                "QFPAY_SWEEP_RATE_PER_MINUTE", String.valueOf(ratePerMinute),
                "QFPAY_SWEEP_MAX_CANCELLATIONS", String.valueOf(stale)));
        try (LambdaEnvironment environment = sweepSettings.launch(variant, "sweep")) {
            // the cold start, outside the timing
            Payments.expect(environment.invoke(payments.statusEvent()), "PENDING");
            int before = qfpay.calls().size();
            long started = System.nanoTime();
            String summary = environment.invoke("{\"action\":\"sweep\",\"lookback_minutes\":60}").text();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new SweepResult(stale, ratePerMinute, qfpay.calls().size() - before, seconds, summary);
        }
    }
}
