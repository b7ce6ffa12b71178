package io.qfpayreversal.bench;

/**
 * One round of the warm comparison: the seed client's reversals, then the function's reverse and
 * status invocations, back to back, so that their ratio is taken under the same machine load.
 */
record WarmRound(Samples seed, Samples reverse, Samples reverseRoundTrip, Samples status) {

    double p50Ratio() {
        return reverse.p50() / seed.p50();
    }

    double p99Ratio() {
        return reverse.p99() / seed.p99();
    }
}
