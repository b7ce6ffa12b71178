package io.qfpayreversal.testing;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code target/function.zip} as the managed java21 runtime does: unpacked, its classes and
 * {@code lib/} on the class path, AWS's runtime interface client polling a Runtime API for
 * {@code QuarkusStreamHandler::handleRequest}; or a native one's {@code bootstrap}, as
 * provided.al2023 does ({@link #startNative}).
 */
public final class PackagedFunction implements AutoCloseable {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** AWS_LAMBDA_FUNCTION_MEMORY_SIZE unless the environment given says otherwise: template.yaml's default. */
    private static final String DEFAULT_MEMORY_SIZE = "512";

    private final Process process;

    private PackagedFunction(ProcessBuilder builder) throws IOException {
        this.process = builder.start();
    }

    /** Unpacks function.zip once, as Lambda does before the runtime starts; returns the task root. */
    public static Path unpack(Path functionZip) throws IOException {
        Path taskRoot = Files.createTempDirectory("qfpay-reversal-function");
        try {
            if (new ProcessBuilder("unzip", "-q", functionZip.toString(), "-d", taskRoot.toString())
                    .inheritIO().start().waitFor() != 0) {
                throw new IOException("could not unzip " + functionZip);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return taskRoot;
    }

    /** The java21 runtime's class path for a task root: the root itself, then {@code lib/*}. */
    public static List<String> classPathOf(Path taskRoot) {
        return List.of(taskRoot.toString(), taskRoot.resolve("lib") + "/*");
    }

    /**
     * @param runtimeApi host:port[/prefix] of the Runtime API, as in {@code AWS_LAMBDA_RUNTIME_API}
     * @param jvmOptions extra JVM options (e.g. {@code -XX:TieredStopAtLevel=1})
     */
    public static PackagedFunction start(Path functionZip, String runtimeApi, Map<String, String> environment,
            List<String> jvmOptions, Path log) throws IOException {
        return start(classPathOf(unpack(functionZip)), runtimeApi, environment, jvmOptions, log);
    }

    /** Starts the runtime interface client on an already unpacked function's class path. */
    public static PackagedFunction start(List<String> functionClassPath, String runtimeApi,
            Map<String, String> environment, List<String> jvmOptions, Path log) throws IOException {
        List<String> classPath = new ArrayList<>(functionClassPath);
        classPath.add(jarOf(AWSLambda.class));
        classPath.add(jarOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As the managed runtime launches it: SnapStart hooks (org.crac) run by the runtime client.
        command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(AWSLambda.class.getName());
        command.add(HANDLER);
        return new PackagedFunction(asLambdaStartsIt(new ProcessBuilder(command), runtimeApi, environment, log));
    }

    /**
     * Runs a native function.zip as the provided.al2023 runtime does: its {@code bootstrap}, in the
     * task root, polling the Runtime API itself (Quarkus's own poll loop).
     */
    /** target/function.zip as it was built: the native bootstrap, or the JVM package under the runtime client. */
    public static PackagedFunction startAsBuilt(String runtimeApi, Map<String, String> environment, Path log)
            throws IOException {
        Path functionZip = Path.of("target/function.zip");
        return PackagedArtifact.isNative() ? startNative(functionZip, runtimeApi, environment, log)
                : start(functionZip, runtimeApi, environment, List.of(), log);
    }

    public static PackagedFunction startNative(Path functionZip, String runtimeApi, Map<String, String> environment,
            Path log) throws IOException {
        return startUnpackedNative(unpack(functionZip), List.of(), runtimeApi, environment, log);
    }

    /**
     * Starts an already unpacked native function's {@code bootstrap} with these options (none on
     * Lambda; the bench bounds the heap with {@code -Xmx}).
     */
    public static PackagedFunction startUnpackedNative(Path taskRoot, List<String> options, String runtimeApi,
            Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(taskRoot.resolve("bootstrap").toString());
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        return new PackagedFunction(asLambdaStartsIt(builder, runtimeApi, environment, log));
    }

    private static ProcessBuilder asLambdaStartsIt(ProcessBuilder builder, String runtimeApi,
            Map<String, String> environment, Path log) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Lambda's environment, not this machine's: no AWS credentials or profile but what the test gives.
        builder.environment().keySet().removeIf(PackagedFunction::hostAwsSetting);
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", DEFAULT_MEMORY_SIZE); // the test's map may override
        builder.environment().putAll(environment);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "qfpay-reversal");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        builder.environment().put("_HANDLER", HANDLER);
        return builder;
    }

    private static boolean hostAwsSetting(String variable) {
        return variable.startsWith("AWS_ACCESS_KEY") || variable.startsWith("AWS_SECRET")
                || variable.startsWith("AWS_SESSION") || variable.startsWith("AWS_CONTAINER")
                || variable.startsWith("AWS_PROFILE") || variable.startsWith("AWS_SHARED_CREDENTIALS")
                || variable.startsWith("AWS_CONFIG_FILE") || variable.startsWith("AWS_WEB_IDENTITY")
                || variable.startsWith("AWS_ROLE");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, if the process ends within {@code limit}; empty if it still runs then. */
    public OptionalInt exitCodeWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** Sends SIGTERM, as Lambda does when it retires an environment, without waiting for the process. */
    public void terminate() {
        process.destroy();
    }

    /** Stops the process as Lambda does when it retires an environment (SIGTERM), and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
