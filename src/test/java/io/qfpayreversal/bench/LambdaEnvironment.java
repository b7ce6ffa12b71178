package io.qfpayreversal.bench;

import io.qfpayreversal.testing.PackagedFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One execution environment as Lambda creates it: a Runtime API for this environment alone and the
 * function process polling it. Closing it stops the process (SIGTERM) and the Runtime API.
 */
final class LambdaEnvironment implements AutoCloseable {

    private final RuntimeApiEmulator runtimeApi;
    private final PackagedFunction function;
    private final long launchedNanos;

    private LambdaEnvironment(RuntimeApiEmulator runtimeApi, PackagedFunction function, long launchedNanos) {
        this.runtimeApi = runtimeApi;
        this.function = function;
        this.launchedNanos = launchedNanos;
    }

    static LambdaEnvironment launch(Variant variant, Map<String, String> environment, Path log) throws Exception {
        RuntimeApiEmulator runtimeApi = new RuntimeApiEmulator();
        long launched = System.nanoTime();
        PackagedFunction function = PackagedFunction.start(variant.classPath(), runtimeApi.address(), environment,
                variant.jvmOptions(), log);
        return new LambdaEnvironment(runtimeApi, function, launched);
    }

    /** Invokes the function; returns the answer (an error report is prefixed "ERROR ") and its duration. */
    RuntimeApiEmulator.Answer invoke(String event) throws Exception {
        return runtimeApi.invoke(event);
    }

    /** Milliseconds from process launch to the first {@code /next} poll. */
    double launchToFirstPollMillis() throws Exception {
        return (runtimeApi.firstPollNanos() - launchedNanos) / 1e6;
    }

    /** Milliseconds from process launch to now. */
    double sinceLaunchMillis() {
        return (System.nanoTime() - launchedNanos) / 1e6;
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
