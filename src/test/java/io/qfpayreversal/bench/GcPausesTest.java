package io.qfpayreversal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {

    @Test
    void inLog_countsEveryPauseAndTheMetadataFullGcs(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("gc.log"), List.of(
                "[0.005s][info][gc] Using Serial",
                "[0.177s][info][gc] GC(0) Pause Young (Allocation Failure) 2M->0M(7M) 3.403ms",
                "[0.684s][info][gc] GC(1) Pause Full (Metadata GC Threshold) 6M->5M(13M) 8.954ms",
                "[0.706s][info][gc] GC(2) Pause Full (Allocation Failure) 12M->2M(13M) 8.202ms",
                "[2.941s][info][gc] GC(3) Pause Full (Metadata GC Threshold) 16M->15M(36M) 36.076ms"));

        GcPauses pauses = GcPauses.inLog(log);

        assertThat(pauses.count()).isEqualTo(4);
        assertThat(pauses.totalMillis()).isCloseTo(56.635, within(1e-9));
        assertThat(pauses.metadataFullGcs()).isEqualTo(2);
    }
}
