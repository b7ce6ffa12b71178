package io.qfpayreversal.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * The AWS SDK's classes on the runtime class path. The function uses the SDK directly, not through
 * a Quarkus extension that would register its classes for run-time initialisation, so the image
 * initialises them at build time like the application's, except those the project's own
 * {@code native-image.properties} initialises at run time.
 */
final class AwsSdkClasses {

    static final String PACKAGE = "software.amazon.awssdk";
    private static final Path NATIVE_IMAGE_CONFIG = Path.of("src/main/resources/META-INF/native-image");

    private AwsSdkClasses() {
    }

    /** Their binary names, less those initialised at run time. */
    static List<String> in(RuntimeClassPath classPath) {
        List<String> runAtRunTime = initialisedAtRunTime();
        List<String> names = new ArrayList<>();
        for (Path jar : classPath.jars()) {
            if (!jar.toString().contains("/software/amazon/awssdk/")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (var entry : Collections.list(zip.entries())) {
                    String file = entry.getName();
                    if (file.endsWith(".class") && !file.startsWith("META-INF/")) {
                        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
                        if (runAtRunTime.stream().noneMatch(name::startsWith)) {
                            names.add(name);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(jar.toString(), e);
            }
        }
        return names;
    }

    /** What the project's native-image.properties files initialise at run time (classes or packages). */
    static List<String> initialisedAtRunTime() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(NATIVE_IMAGE_CONFIG)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.endsWith("native-image.properties"))::iterator) {
                Properties properties = new Properties();
                try (var in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                for (String arg : properties.getProperty("Args", "").split("\\s+")) {
                    if (arg.startsWith("--initialize-at-run-time=")) {
                        names.addAll(Arrays.asList(arg.substring("--initialize-at-run-time=".length()).split(",")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
