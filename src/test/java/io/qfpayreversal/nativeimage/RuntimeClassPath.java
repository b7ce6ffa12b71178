package io.qfpayreversal.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a native image is built from: the application's classes and its runtime dependencies, as
 * Maven resolved them ({@code target/runtime-classpath.txt}, written by the dependency plugin before
 * the tests), loaded apart from the tests' own class path so that nothing test-scoped can hide a
 * missing class.
 */
public final class RuntimeClassPath {

    static final Path LISTING = Path.of("target/runtime-classpath.txt");
    static final Path APPLICATION_CLASSES = Path.of("target/classes");

    private final List<Path> entries;

    private RuntimeClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * GraalVM's own API, which the image builder provides (Quarkus declares it {@code provided}):
     * the substitution annotations and what {@code onlyWith} conditions call.
     */
    private static final List<String> BUILDER_PROVIDED = List.of("com.oracle.svm.core.annotate.TargetClass",
            "org.graalvm.word.WordBase");

    /** The application's classes, every runtime jar Maven resolved for it, and GraalVM's API. */
    public static RuntimeClassPath ofThisBuild() {
        List<Path> entries = new ArrayList<>();
        entries.add(APPLICATION_CLASSES);
        BUILDER_PROVIDED.stream().map(RuntimeClassPath::jarOf).forEach(entries::add);
        try {
            String listing = Files.readString(LISTING).strip();
            Arrays.stream(listing.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(Path::of).forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(LISTING + " is missing: run the tests through Maven (mvn verify)", e);
        }
        return new RuntimeClassPath(entries);
    }

    public static RuntimeClassPath of(List<Path> entries) {
        return new RuntimeClassPath(entries);
    }

    public List<Path> entries() {
        return entries;
    }

    public List<Path> jars() {
        return entries.stream().filter(p -> p.toString().endsWith(".jar")).toList();
    }

    /** A fresh loader over these entries, above the platform's: classes come out uninitialised. */
    public URLClassLoader newLoader() {
        URL[] urls = entries.stream().map(RuntimeClassPath::url).toArray(URL[]::new);
        return new URLClassLoader("native-image-classpath", urls, ClassLoader.getPlatformClassLoader());
    }

    private static Path jarOf(String className) {
        try {
            return Path.of(Class.forName(className, false, RuntimeClassPath.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the tests' class path", e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
