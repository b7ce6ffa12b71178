package io.qfpayreversal.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * An application class-data sharing archive for the packaged function. The JVM will not archive a
 * class path that holds a non-empty directory, and function.zip keeps the application's classes
 * at its root; so the root's classes go into one jar first, next to the unchanged {@code lib/*}.
 * The archive is then written at the end of a training run (SIGTERM), with the same JDK that will
 * map it.
 */
final class AppCds {

    interface Training {
        void run(LambdaEnvironment environment) throws Exception;
    }

    private AppCds() {
    }

    /** Builds the archive from a training run of {@code base}; returns the variant that maps it. */
    static Variant build(Variant base, Path dir, LaunchSettings settings, Training training) throws Exception {
        Path appJar = jarRootClasses(base.taskRoot(), dir.resolve("app.jar"));
        Path archive = dir.resolve("app.jsa");
        Files.deleteIfExists(archive);
        List<String> classPath = List.of(appJar.toString(), base.taskRoot().resolve("lib") + "/*");
        List<String> dump = new ArrayList<>(base.commandLineOptions());
        dump.add("-XX:ArchiveClassesAtExit=" + archive);
        try (LambdaEnvironment environment = settings.launch(base.with("AppCDS training", classPath, dump), "1")) {
            training.run(environment);
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("the training run wrote no archive at " + archive);
        }
        List<String> use = new ArrayList<>(base.commandLineOptions());
        use.add("-XX:SharedArchiveFile=" + archive);
        use.add("-Xshare:on"); // fail loudly rather than run without the archive
        return base.with(nameFor(base), classPath, use);
    }

    static String nameFor(Variant base) {
        return base.name() + " + AppCDS";
    }

    private static Path jarRootClasses(Path taskRoot, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(taskRoot)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !taskRoot.relativize(f).startsWith("lib"))
                    .filter(f -> !taskRoot.relativize(f).toString().equals("META-INF/MANIFEST.MF"))
                    .sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, new Manifest())) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(taskRoot.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
