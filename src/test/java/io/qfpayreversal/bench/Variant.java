package io.qfpayreversal.bench;

import io.qfpayreversal.testing.PackagedFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One way of running a packaged function: its unpacked task root and class path, the options on the
 * {@code java} command line (the managed runtime's flags and whatever the variant adds), and the
 * JAVA_TOOL_OPTIONS its template deploys. The JVM reads JAVA_TOOL_OPTIONS before the command line,
 * so the runtime's flags win, as on Lambda.
 */
record Variant(String name, Path taskRoot, List<String> classPath, List<String> jvmOptions, String javaToolOptions) {

    /** A build as the managed runtime runs it: unpacked, the runtime's flags, the template's JvmOptions. */
    static Variant of(Build build, List<String> runtimeFlags) throws IOException {
        Path taskRoot = PackagedFunction.unpack(build.functionZip());
        return new Variant(build.name(), taskRoot, PackagedFunction.classPathOf(taskRoot), runtimeFlags,
                TemplateJvmOptions.defaultIn(build.template()));
    }

    /** The same with C2: {@code -XX:TieredStopAtLevel=1} dropped from the command line and JAVA_TOOL_OPTIONS. */
    Variant withC2(String name) {
        String toolOptions = Arrays.stream(javaToolOptions.split("\\s+"))
                .filter(option -> !option.equals(ManagedRuntimeFlags.C1_ONLY)).collect(Collectors.joining(" "));
        return new Variant(name, taskRoot, classPath,
                jvmOptions.stream().filter(option -> !option.equals(ManagedRuntimeFlags.C1_ONLY)).toList(),
                toolOptions);
    }

    Variant with(String name, List<String> classPath, List<String> jvmOptions) {
        return new Variant(name, taskRoot, classPath, jvmOptions, javaToolOptions);
    }

    /** The name as part of a file name: lower case, every run of other characters one dash. */
    String slug() {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
