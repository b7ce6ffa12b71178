package io.qfpayreversal.bench;

/**
 * One launch to its first answer: milliseconds from launch to the first {@code /next} poll and to
 * the first answer, the CPU seconds the process used to get there, its GC pauses so far, and its
 * metaspace and classes at that moment.
 */
record ColdStart(double firstPollMillis, double firstAnswerMillis, double cpuSeconds, GcPauses gc,
        JvmCounters counters) {
}
