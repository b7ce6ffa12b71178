package io.qfpayreversal.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * "before": the function.zip and template.yaml of a git commit, from {@code git archive} extracted
 * under target/bench/before/&lt;commit&gt;/ and packaged there ({@code mvn -B -q package -DskipTests});
 * built once, reused while its function.zip is there.
 */
final class GitRefBuild {

    private GitRefBuild() {
    }

    /** The build's name, {@code before: <short commit>}, known before it is built. */
    static String nameOf(String ref) throws Exception {
        return "before: " + commitOf(ref);
    }

    static Build of(String ref) throws Exception {
        String commit = commitOf(ref);
        Path dir = Path.of("target/bench/before", commit);
        Path functionZip = dir.resolve("target/function.zip");
        if (!Files.isRegularFile(functionZip)) {
            System.out.println("Building " + (ref.equals(commit) ? ref : ref + " (" + commit + ")") + " in " + dir + " ...");
            Files.createDirectories(dir);
            run(List.of("bash", "-c", "set -o pipefail; git archive --format=tar \"$1\" | tar -x -C \"$2\"", "archive",
                    commit, dir.toString()), Path.of("."));
            run(List.of("mvn", "-B", "-q", "package", "-DskipTests"), dir);
        }
        return new Build(nameOf(ref), functionZip, dir.resolve("template.yaml"));
    }

    private static String commitOf(String ref) throws Exception {
        return run(List.of("git", "rev-parse", "--short", ref + "^{commit}"), Path.of(".")).strip();
    }

    /** Runs a command in a directory, its errors shown; returns what it printed. */
    private static String run(List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n" + output);
        }
        return output;
    }
}
