package io.qfpayreversal.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one variant measured: cold starts (medians, ms), warm rounds (durations at the Runtime API:
 * event handed to the runtime → answer received, as Lambda measures; and the caller's round trip
 * for reverse), RSS after the warm run.
 */
record VariantResult(String name, double firstPollMillis, double firstAnswerMillis, List<WarmRound> rounds,
        long rssMegabytes) {

    /** The median over the rounds of one figure of a round. */
    double median(ToDoubleFunction<WarmRound> figure) {
        Samples values = new Samples();
        rounds.forEach(round -> values.add(figure.applyAsDouble(round)));
        return values.p50();
    }
}
