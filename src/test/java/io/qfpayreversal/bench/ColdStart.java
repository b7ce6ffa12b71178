package io.qfpayreversal.bench;

import java.util.Optional;

/**
 * One launch to its first answer: milliseconds from launch to the first {@code /next} poll and to
 * the first answer, the CPU seconds the process used to get there and, for a JVM, its GC pauses so
 * far and its metaspace and classes at that moment (empty for native).
 */
record ColdStart(double firstPollMillis, double firstAnswerMillis, double cpuSeconds, Optional<JvmAtFirstAnswer> jvm) {

    boolean hadMetadataFullGc() {
        return jvm.map(figures -> figures.gc().metadataFullGcs() > 0).orElse(false);
    }
}
