package io.qfpayreversal.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the GraalVM substitution classes on a class path: the class files that carry
 * {@code @TargetClass}. It reads bytes only, so that nothing is loaded that the image would not load.
 */
final class SubstitutionClasses {

    private static final byte[] TARGET_CLASS = "Lcom/oracle/svm/core/annotate/TargetClass;"
            .getBytes(StandardCharsets.US_ASCII);

    private SubstitutionClasses() {
    }

    /** The binary names of every class annotated {@code @TargetClass}, in class path order. */
    static List<String> in(RuntimeClassPath classPath) {
        List<String> names = new ArrayList<>();
        for (Path entry : classPath.entries()) {
            try {
                if (Files.isDirectory(entry)) {
                    inDirectory(entry, names);
                } else if (entry.toString().endsWith(".jar") && Files.exists(entry)) {
                    inJar(entry, names);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + entry, e);
            }
        }
        return names;
    }

    private static void inJar(Path jar, List<String> names) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), TARGET_CLASS)) {
                            names.add(binaryName(name));
                        }
                    }
                }
            }
        }
    }

    private static void inDirectory(Path root, List<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                if (contains(Files.readAllBytes(file), TARGET_CLASS)) {
                    names.add(binaryName(root.relativize(file).toString()));
                }
            }
        }
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
