package io.qfpayreversal.bench;

import java.util.List;

/**
 * The command line the bench gives a native {@code bootstrap}: {@code -Xmx} at the share of the
 * memory size that the managed Java runtime gives the JVM's heap ({@link ManagedRuntimeFlags#HEAP_SHARE},
 * 85 %), in MB. provided.al2023 starts {@code bootstrap} with no arguments, and the executable sizes
 * its heap from the physical memory it sees ({@code -XX:MaximumHeapSizePercent=80} by default, as
 * a native-image 25.0.2 build's {@code -XX:PrintFlags=} lists it), which on Lambda is about the
 * environment's; on this machine it would see the whole host. So the bound is set here, the same for
 * native as for the JVM, and the RSS figures compare.
 */
final class NativeRuntimeFlags {

    private NativeRuntimeFlags() {
    }

    static List<String> forMemory(int megabytes) {
        return List.of("-Xmx" + Math.round(megabytes * ManagedRuntimeFlags.HEAP_SHARE) + "m");
    }
}
