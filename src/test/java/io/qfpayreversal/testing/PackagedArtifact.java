package io.qfpayreversal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Which package {@code mvn package} built, from Quarkus's own record of it. */
public final class PackagedArtifact {

    private static final Path RECORD = Path.of("target/quarkus-artifact.properties");

    private PackagedArtifact() {
    }

    /** Whether target/function.zip holds the native bootstrap rather than the JVM package. */
    public static boolean isNative() {
        Properties artifact = new Properties();
        try (var in = Files.newInputStream(RECORD)) {
            artifact.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no packaged artifact (" + RECORD + "): run mvn verify", e);
        }
        return !"jar".equals(artifact.getProperty("type"));
    }
}
