package io.qfpayreversal.bench;

import io.qfpayreversal.testing.PackagedFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One execution environment as Lambda creates it: a Runtime API for this environment alone and the
 * function process polling it. Closing it stops the process (SIGTERM) and the Runtime API.
 */
final class LambdaEnvironment implements AutoCloseable {

    private final RuntimeApiEmulator runtimeApi;
    private final PackagedFunction function;
    private final long launchedNanos;
    private final Path gcLog;

    private LambdaEnvironment(RuntimeApiEmulator runtimeApi, PackagedFunction function, long launchedNanos,
            Path gcLog) {
        this.runtimeApi = runtimeApi;
        this.function = function;
        this.launchedNanos = launchedNanos;
        this.gcLog = gcLog;
    }

    static LambdaEnvironment launch(List<String> classPath, List<String> jvmOptions, Map<String, String> environment,
            Path log, Path gcLog) throws Exception {
        RuntimeApiEmulator runtimeApi = new RuntimeApiEmulator();
        long launched = System.nanoTime();
        PackagedFunction function = PackagedFunction.start(classPath, runtimeApi.address(), environment, jvmOptions,
                log);
        return new LambdaEnvironment(runtimeApi, function, launched, gcLog);
    }

    /** Invokes the function; returns the answer (an error report is prefixed "ERROR ") and its duration. */
    RuntimeApiEmulator.Answer invoke(String event) throws Exception {
        return runtimeApi.invoke(event);
    }

    /**
     * To be called right after the first answer: the time since launch, then what the process spent
     * to get there (CPU, GC pauses) and holds (metaspace, classes; jcmd attaches, so this comes last).
     */
    ColdStart coldStart() throws Exception {
        double firstAnswerMillis = (System.nanoTime() - launchedNanos) / 1e6;
        double cpuSeconds = ProcessCpu.seconds(function.pid());
        GcPauses gc = GcPauses.inLog(gcLog);
        JvmCounters counters = JvmCounters.of(function.pid());
        double firstPollMillis = (runtimeApi.firstPollNanos() - launchedNanos) / 1e6;
        return new ColdStart(firstPollMillis, firstAnswerMillis, cpuSeconds, gc, counters);
    }

    /** Resident set size of the function process, in MB. */
    long rssMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + function.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + function.pid());
    }

    @Override
    public void close() {
        function.close();
        runtimeApi.close();
    }
}
