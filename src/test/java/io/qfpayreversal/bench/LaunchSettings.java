package io.qfpayreversal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every launch in a run shares: the function's environment variables, its log file, the
 * directory of the per-launch GC logs ({@code -Xlog:gc}, on every JVM launch alike), and JVM options
 * added to every JVM variant (from {@code -Dbench.functionOptions}, e.g. to record a JFR profile).
 */
record LaunchSettings(Map<String, String> environment, Path log, Path gcLogs) {

    static final List<String> ADDED_OPTIONS = List.of(System.getProperty("bench.functionOptions", "").split(" "))
            .stream().filter(option -> !option.isBlank()).toList();

    /**
     * Launches a variant: a JVM one with its GC log at {@code <gcLogs>/<variant slug>-<launch>.log} and
     * its template's JAVA_TOOL_OPTIONS; a native one with its own options only.
     */
    LambdaEnvironment launch(Variant variant, String launch) throws Exception {
        if (variant.packageType() == PackageType.NATIVE) {
            return LambdaEnvironment.launchNative(variant.taskRoot(), variant.commandLineOptions(), environment, log);
        }
        Path gcLog = gcLogs.resolve(variant.slug() + "-" + launch + ".log").toAbsolutePath();
        List<String> options = new ArrayList<>(variant.commandLineOptions());
        options.add("-Xlog:gc:file=" + gcLog);
        options.addAll(ADDED_OPTIONS);
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("JAVA_TOOL_OPTIONS", variant.javaToolOptions()); // as the template sets it
        return LambdaEnvironment.launchJvm(variant.classPath(), options, variables, log, gcLog);
    }

    LaunchSettings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new LaunchSettings(Map.copyOf(merged), log, gcLogs);
    }
}
