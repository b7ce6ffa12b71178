package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time a process has used so far, user plus system, all its threads, from /proc/<pid>/stat. */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // After "pid (comm) ": field 3 (state) is [0], so utime (field 14) is [11] and stime (15) [12].
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(ticks) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // USER_HZ on every Linux Lambda runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
