package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Where the native variant's function.zip comes from: {@code -Dbench.native=<path>}, else
 * target/function-native.zip when it exists. A zip is native when it holds a {@code bootstrap} at
 * its root, as scripts/deploy.sh tells them apart. A zip named on the command line must be there and
 * native; without one, the bench runs the JVM variants only and says why.
 */
final class NativeZip {

    static final String PROPERTY = "bench.native";
    static final Path DEFAULT = Path.of("target/function-native.zip");

    /** The native zip to run, or, when there is none, the reason to print. */
    record Lookup(Optional<Path> zip, String whyNone) {

        static Lookup found(Path zip) {
            return new Lookup(Optional.of(zip), "");
        }

        static Lookup none(String why) {
            return new Lookup(Optional.empty(), why);
        }
    }

    private NativeZip() {
    }

    static Lookup lookup() throws IOException {
        return lookup(Optional.ofNullable(System.getProperty(PROPERTY)).filter(path -> !path.isBlank()), DEFAULT);
    }

    static Lookup lookup(Optional<String> named, Path defaultZip) throws IOException {
        if (named.isPresent()) {
            Path zip = Path.of(named.get());
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + zip + ": no such file");
            }
            if (!isNative(zip)) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + zip + " holds no bootstrap: not a native function.zip");
            }
            return Lookup.found(zip);
        }
        if (!Files.isRegularFile(defaultZip)) {
            return Lookup.none("no -D" + PROPERTY + "=<native function.zip> and no " + defaultZip);
        }
        if (!isNative(defaultZip)) {
            return Lookup.none(defaultZip + " holds no bootstrap: not a native function.zip");
        }
        return Lookup.found(defaultZip);
    }

    /** A {@code bootstrap} entry at the zip's root: the native build, for provided.al2023. */
    static boolean isNative(Path zip) throws IOException {
        try (ZipFile entries = new ZipFile(zip.toFile())) {
            return entries.getEntry("bootstrap") != null;
        }
    }
}
