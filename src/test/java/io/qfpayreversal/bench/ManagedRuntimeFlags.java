package io.qfpayreversal.bench;

import java.util.List;

/**
 * The flags Lambda's managed Java runtime puts on the {@code java} command line of a function of a
 * given memory size: heap 85 %, metaspace 10 % and code cache 5 % of the memory (in KiB), serial
 * GC, C1 only. {@code -XX:MaxRAM} is added so that whatever else the JVM sizes by itself follows
 * the environment's memory, not this machine's.
 */
final class ManagedRuntimeFlags {

    /** The runtime's C1-only flag; a variant that wants C2 drops it. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** The heap's share of the memory size; a native variant gets the same bound ({@link NativeRuntimeFlags}). */
    static final double HEAP_SHARE = 0.85;

    private ManagedRuntimeFlags() {
    }

    static List<String> forMemory(int megabytes) {
        return List.of(
                "-XX:MaxHeapSize=" + kibibytes(megabytes, HEAP_SHARE) + "k",
                "-XX:MaxMetaspaceSize=" + kibibytes(megabytes, 0.10) + "k",
                "-XX:ReservedCodeCacheSize=" + kibibytes(megabytes, 0.05) + "k",
                "-XX:+UseSerialGC",
                C1_ONLY,
                "-XX:MaxRAM=" + megabytes + "m");
    }

    private static long kibibytes(int megabytes, double share) {
        return Math.round(megabytes * 1024 * share);
    }
}
