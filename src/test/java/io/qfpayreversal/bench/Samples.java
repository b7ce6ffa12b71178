package io.qfpayreversal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their nearest-rank percentiles. */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    void add(double value) {
        millis.add(value);
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    private double percentile(int p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
