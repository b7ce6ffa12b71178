package io.qfpayreversal.bench;

import java.util.List;

/** One way of running the packaged function: its class path and the JVM options added to it. */
record Variant(String name, List<String> classPath, List<String> jvmOptions) {

    /** A 512 MB environment, as template.yaml sizes it: the heap follows it as in Lambda. */
    static final List<String> ENVIRONMENT_OPTIONS = List.of("-XX:MaxRAM=512m");

    /** What template.yaml deploys on java21 (JAVA_TOOL_OPTIONS): serial GC and C1 only. */
    static final List<String> DEPLOYED_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    Variant withOptions(String name, List<String> options) {
        return new Variant(name, classPath, options);
    }
}
