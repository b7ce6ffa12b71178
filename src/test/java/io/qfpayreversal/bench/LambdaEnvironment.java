package io.qfpayreversal.bench;

import io.qfpayreversal.testing.PackagedFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution environment as Lambda creates it: a Runtime API for this environment alone and the
 * function process polling it. Closing it stops the process (SIGTERM) and the Runtime API.
 */
final class LambdaEnvironment implements AutoCloseable {

    private interface Start {
        PackagedFunction polling(String runtimeApi) throws IOException;
    }

    private final RuntimeApiEmulator runtimeApi;
    private final PackagedFunction function;
    private final long launchedNanos;
    /** A JVM's GC log; empty for a native process, which has neither that log nor jcmd's counters. */
    private final Optional<Path> jvmGcLog;

    private LambdaEnvironment(RuntimeApiEmulator runtimeApi, PackagedFunction function, long launchedNanos,
            Optional<Path> jvmGcLog) {
        this.runtimeApi = runtimeApi;
        this.function = function;
        this.launchedNanos = launchedNanos;
        this.jvmGcLog = jvmGcLog;
    }

    /** The JVM under AWS's runtime interface client, as the managed java21 runtime starts it. */
    static LambdaEnvironment launchJvm(List<String> classPath, List<String> jvmOptions,
            Map<String, String> environment, Path log, Path gcLog) throws Exception {
        return launch(runtimeApi -> PackagedFunction.start(classPath, runtimeApi, environment, jvmOptions, log),
                Optional.of(gcLog));
    }

    /** An unpacked native function's bootstrap, as provided.al2023 starts it (with these options). */
    static LambdaEnvironment launchNative(Path taskRoot, List<String> options, Map<String, String> environment,
            Path log) throws Exception {
        return launch(runtimeApi -> PackagedFunction.startUnpackedNative(taskRoot, options, runtimeApi, environment,
                log), Optional.empty());
    }

    private static LambdaEnvironment launch(Start start, Optional<Path> jvmGcLog) throws Exception {
        RuntimeApiEmulator runtimeApi = new RuntimeApiEmulator();
        long launched = System.nanoTime();
        PackagedFunction function = start.polling(runtimeApi.address());
        return new LambdaEnvironment(runtimeApi, function, launched, jvmGcLog);
    }

    /** Invokes the function; returns the answer (an error report is prefixed "ERROR ") and its duration. */
    RuntimeApiEmulator.Answer invoke(String event) throws Exception {
        return runtimeApi.invoke(event);
    }

    /**
     * To be called right after the first answer: the time since launch, then what the process spent
     * to get there (CPU; a JVM's GC pauses) and, for a JVM, holds (metaspace, classes; jcmd attaches,
     * so this comes last).
     */
    ColdStart coldStart() throws Exception {
        double firstAnswerMillis = (System.nanoTime() - launchedNanos) / 1e6;
        double cpuSeconds = ProcessCpu.seconds(function.pid());
        Optional<JvmAtFirstAnswer> jvm = Optional.empty();
        if (jvmGcLog.isPresent()) {
            GcPauses gc = GcPauses.inLog(jvmGcLog.get());
            jvm = Optional.of(new JvmAtFirstAnswer(gc, JvmCounters.of(function.pid())));
        }
        double firstPollMillis = (runtimeApi.firstPollNanos() - launchedNanos) / 1e6;
        return new ColdStart(firstPollMillis, firstAnswerMillis, cpuSeconds, jvm);
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
