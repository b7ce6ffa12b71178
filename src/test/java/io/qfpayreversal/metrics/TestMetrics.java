package io.qfpayreversal.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;

/** Metrics for unit tests of other packages: recorded, never written. */
public final class TestMetrics {

    private TestMetrics() {
    }

    public static InvocationMetrics discarding() {
        return new InvocationMetrics(Clock.systemUTC(), new ObjectMapper(), "test", line -> {
        });
    }
}
