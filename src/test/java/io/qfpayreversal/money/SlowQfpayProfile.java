package io.qfpayreversal.money;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production time-outs (3 s connect, 10 s read), one sweep worker so virtual time passes as it
 * would for one caller, and no rate limit to wait on.
 */
public class SlowQfpayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "qfpay.read-timeout", "10s",
                "qfpay.connect-timeout", "3s",
                "qfpay.poll-budget", "20s",
                "qfpay.poll-initial-delay", "500ms",
                "qfpay.poll-max-delay", "4s",
                "qfpay.sweep.concurrency", "1",
                "qfpay.sweep.item-budget", "20s",
                "qfpay.sweep.rate-per-minute", "100000");
    }
}
