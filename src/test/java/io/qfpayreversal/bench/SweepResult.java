package io.qfpayreversal.bench;

/** A timed sweep: QFPay calls made in the wall time, against the configured rate (calls per minute). */
record SweepResult(int payments, int ratePerMinute, int calls, double seconds, String summary) {

    double callsPerMinute() {
        return calls / seconds * 60;
    }

    double shareOfRate() {
        return callsPerMinute() / ratePerMinute;
    }
}
