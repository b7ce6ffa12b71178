package io.qfpayreversal.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code function.zip} as the managed Java runtime does ({@link LocalLambda} in its own JVM,
 * the zip's classes and {@code lib/} on the class path) on events, one per line, and returns each
 * answer, or the error Lambda would report; everything else the function writes (its JSON log
 * lines) goes to a log file. Shared by {@code make demo} and {@code make invoke}.
 */
final class PackagedRun {

    private PackagedRun() {
    }

    /**
     * @param environment the function's environment on top of this process's own; a {@code null}
     *                    value removes a variable
     * @param log         where the function's output other than its answers is written
     */
    static List<String> answers(Path functionZip, List<String> events, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Path unpacked = Files.createTempDirectory("qfpay-reversal-function");
        Process unzip = new ProcessBuilder("unzip", "-q", functionZip.toString(), "-d", unpacked.toString())
                .inheritIO().start();
        if (unzip.waitFor() != 0) {
            throw new IllegalStateException("could not unzip " + functionZip);
        }
        Path eventsFile = Files.createTempFile("qfpay-reversal-events", ".jsonl");
        Files.write(eventsFile, events);
        String classPath = String.join(File.pathSeparator, unpacked.toString(), unpacked.resolve("lib") + "/*",
                System.getProperty("demo.driver.classes", "target/test-classes"));
        ProcessBuilder lambda = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, LocalLambda.class.getName(), eventsFile.toString());
        Map<String, String> env = lambda.environment();
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        lambda.redirectErrorStream(true);
        Process process = lambda.start();
        List<String> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer logLines = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ANSWER ")) {
                    answers.add(line.substring("ANSWER ".length()));
                } else {
                    logLines.write(line);
                    logLines.write(System.lineSeparator());
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the function exited with " + process.exitValue());
        }
        return answers;
    }
}
