package io.qfpayreversal.bench;

import io.qfpayreversal.testing.PackagedFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One way of running a packaged function: how it runs ({@link PackageType}), its unpacked task root
 * and, for the JVM, its class path; the options on its command line (for the JVM, the managed
 * runtime's flags and whatever the variant adds; for native, {@link NativeRuntimeFlags}); and the
 * JAVA_TOOL_OPTIONS its template deploys (JVM only; empty for native, which has none). The JVM reads
 * JAVA_TOOL_OPTIONS before the command line, so the runtime's flags win, as on Lambda.
 */
record Variant(String name, PackageType packageType, Path taskRoot, List<String> classPath,
        List<String> commandLineOptions, String javaToolOptions) {

    /** A build as the managed runtime runs it: unpacked, the runtime's flags, the template's JvmOptions. */
    static Variant of(Build build, List<String> runtimeFlags) throws IOException {
        Path taskRoot = PackagedFunction.unpack(build.functionZip());
        return new Variant(build.name(), PackageType.JVM, taskRoot, PackagedFunction.classPathOf(taskRoot),
                runtimeFlags, TemplateJvmOptions.defaultIn(build.template()));
    }

    /** A native function.zip as provided.al2023 runs it, unpacked, its bootstrap given these options. */
    static Variant ofNative(Path functionZip, List<String> options) throws IOException {
        return new Variant(nativeNameOf(functionZip), PackageType.NATIVE, PackagedFunction.unpack(functionZip),
                List.of(), options, "");
    }

    /** The native variant's name, known before it is unpacked. */
    static String nativeNameOf(Path functionZip) {
        return "native: " + functionZip;
    }

    /** The same with C2: {@code -XX:TieredStopAtLevel=1} dropped from the command line and JAVA_TOOL_OPTIONS. */
    Variant withC2(String name) {
        String toolOptions = Arrays.stream(javaToolOptions.split("\\s+"))
                .filter(option -> !option.equals(ManagedRuntimeFlags.C1_ONLY)).collect(Collectors.joining(" "));
        return new Variant(name, packageType, taskRoot, classPath,
                commandLineOptions.stream().filter(option -> !option.equals(ManagedRuntimeFlags.C1_ONLY)).toList(),
                toolOptions);
    }

    Variant with(String name, List<String> classPath, List<String> commandLineOptions) {
        return new Variant(name, packageType, taskRoot, classPath, commandLineOptions, javaToolOptions);
    }

    /** The name as part of a file name: lower case, every run of other characters one dash. */
    String slug() {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
