package io.qfpayreversal.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one variant measured: its cold starts (one per launch), its warm rounds (durations at the
 * Runtime API: event handed to the runtime → answer received, as Lambda measures; and the caller's
 * round trip for reverse), and its RSS after the warm run.
 */
record VariantResult(Variant variant, List<ColdStart> coldStarts, List<WarmRound> rounds, long rssMegabytes) {

    String name() {
        return variant.name();
    }

    /** The median over the launches of one figure of a cold start. */
    double coldMedian(ToDoubleFunction<ColdStart> figure) {
        return Samples.of(coldStarts, figure).p50();
    }

    /** Whether every launch has the JVM's own figures (GC log, jcmd): false for native. */
    boolean hasJvmFigures() {
        return coldStarts.stream().allMatch(coldStart -> coldStart.jvm().isPresent());
    }

    /** The median over the launches of one of the JVM's own figures; only where {@link #hasJvmFigures()}. */
    double jvmColdMedian(ToDoubleFunction<JvmAtFirstAnswer> figure) {
        return coldMedian(coldStart -> figure.applyAsDouble(coldStart.jvm().orElseThrow()));
    }

    /** The median over the rounds of one figure of a warm round. */
    double warmMedian(ToDoubleFunction<WarmRound> figure) {
        return Samples.of(rounds, figure).p50();
    }

    long launchesWithMetadataFullGc() {
        return coldStarts.stream().filter(ColdStart::hadMetadataFullGc).count();
    }
}
