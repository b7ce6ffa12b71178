package io.qfpayreversal.bench;

/** What one variant measured: cold starts (medians, ms), warm latencies and RSS after the warm run. */
record VariantResult(String name, double firstPollMillis, double firstAnswerMillis, Samples reverse, Samples status,
        long rssMegabytes) {
}
