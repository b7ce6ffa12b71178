package io.qfpayreversal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManagedRuntimeFlagsTest {

    @Test
    void forMemory_512_givesTheManagedRuntimesFlagsAndTheEnvironmentsMemory() {
        assertThat(ManagedRuntimeFlags.forMemory(512)).containsExactly(
                "-XX:MaxHeapSize=445645k",
                "-XX:MaxMetaspaceSize=52429k",
                "-XX:ReservedCodeCacheSize=26214k",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:MaxRAM=512m");
    }

    @Test
    void forMemory_scalesWithTheMemorySize() {
        assertThat(ManagedRuntimeFlags.forMemory(1024)).contains(
                "-XX:MaxHeapSize=891290k", "-XX:MaxMetaspaceSize=104858k", "-XX:ReservedCodeCacheSize=52429k",
                "-XX:MaxRAM=1024m");
    }
}
