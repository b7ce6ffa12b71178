package io.qfpayreversal.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The function's environment variables and log file, shared by every launch in a run. */
record LaunchSettings(Map<String, String> environment, Path log) {

    LambdaEnvironment launch(Variant variant) throws Exception {
        return LambdaEnvironment.launch(variant, environment, log);
    }

    LaunchSettings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new LaunchSettings(Map.copyOf(merged), log);
    }
}
