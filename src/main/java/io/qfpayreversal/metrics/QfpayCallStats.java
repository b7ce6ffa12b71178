package io.qfpayreversal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The QFPay calls of one operation since the last flush: latencies, attempts, faults by kind. */
final class QfpayCallStats {

    final List<Double> latencies = new ArrayList<>();
    int calls;
    int retries;
    final Map<String, Integer> faults = new TreeMap<>();

    void add(int attempt, long latencyMillis, String fault) {
        calls++;
        if (attempt > 1) {
            retries++;
        }
        latencies.add((double) latencyMillis);
        if (fault != null) {
            faults.merge(fault, 1, Integer::sum);
        }
    }

    int faultCount() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }
}
