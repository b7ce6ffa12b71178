package io.qfpayreversal.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Measured values (latencies in milliseconds, mostly) and their nearest-rank percentiles. */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    /** One figure of each item, e.g. of every launch or every round. */
    static <T> Samples of(Collection<T> items, ToDoubleFunction<T> figure) {
        Samples samples = new Samples();
        items.forEach(item -> samples.add(figure.applyAsDouble(item)));
        return samples;
    }

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
