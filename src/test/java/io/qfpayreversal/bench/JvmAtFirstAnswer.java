package io.qfpayreversal.bench;

/**
 * What only a JVM tells at its first answer: its GC pauses so far (its {@code -Xlog:gc} file) and its
 * metaspace and classes (jcmd). A native process has neither.
 */
record JvmAtFirstAnswer(GcPauses gc, JvmCounters counters) {
}
