package io.qfpayreversal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function's environment variables and log file, shared by every launch in a run, and JVM
 * options added to every variant (from {@code -Dbench.functionOptions}, e.g. to record a JFR profile).
 */
record LaunchSettings(Map<String, String> environment, Path log) {

    private static final List<String> ADDED_OPTIONS = List.of(System.getProperty("bench.functionOptions", "").split(" "))
            .stream().filter(option -> !option.isBlank()).toList();

    LambdaEnvironment launch(Variant variant) throws Exception {
        List<String> options = new ArrayList<>(variant.jvmOptions());
        options.addAll(ADDED_OPTIONS);
        return LambdaEnvironment.launch(new Variant(variant.name(), variant.classPath(), options), environment, log);
    }

    LaunchSettings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new LaunchSettings(Map.copyOf(merged), log);
    }
}
