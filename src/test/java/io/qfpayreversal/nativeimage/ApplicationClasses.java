package io.qfpayreversal.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The application's classes under {@code io.qfpayreversal}: what native initialises at build time. */
final class ApplicationClasses {

    static final String PACKAGE = "io.qfpayreversal";

    private ApplicationClasses() {
    }

    /** Their binary names, from the compiled classes. */
    static List<String> in(Path classes) {
        Path root = classes.resolve(PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(f -> classes.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and initialises library classes in {@code loader}, as the image builder does, leaving
     * out those whose initialiser fails here (missing optional dependencies: the image cannot use them either).
     */
    static List<Class<?>> initialisedWherePossible(List<String> names, ClassLoader loader) {
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, true, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // not initialisable on this class path
            }
        }
        return classes;
    }

    /** Loads and initialises them in {@code loader}, as the image builder does. */
    static List<Class<?>> initialised(List<String> names, ClassLoader loader) {
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, true, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
