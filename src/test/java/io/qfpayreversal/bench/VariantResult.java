package io.qfpayreversal.bench;

/**
 * What one variant measured: cold starts (medians, ms); warm durations at the Runtime API (event
 * handed to the runtime → answer received, as Lambda measures) and the caller's round trip for
 * reverse; RSS after the warm run.
 */
record VariantResult(String name, double firstPollMillis, double firstAnswerMillis, Samples reverse,
        Samples reverseRoundTrip, Samples status, long rssMegabytes) {
}
