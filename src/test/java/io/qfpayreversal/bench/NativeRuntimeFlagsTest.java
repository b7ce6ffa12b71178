package io.qfpayreversal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeRuntimeFlagsTest {

    @ParameterizedTest
    @CsvSource({"512, -Xmx435m", "1024, -Xmx870m", "128, -Xmx109m", "10240, -Xmx8704m"})
    void forMemory_boundsTheHeapAtTheManagedRuntimesShare(int megabytes, String maxHeap) {
        assertThat(NativeRuntimeFlags.forMemory(megabytes)).containsExactly(maxHeap);
    }
}
