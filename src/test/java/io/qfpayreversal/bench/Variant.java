package io.qfpayreversal.bench;

import java.util.List;

/** One way of running the packaged function: its class path and the JVM options added to it. */
record Variant(String name, List<String> classPath, List<String> jvmOptions) {

    /** What template.yaml deploys on java21: 512 MB of memory and C1 only (JAVA_TOOL_OPTIONS). */
    static final List<String> DEPLOYED_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1");

    Variant withOptions(String name, List<String> options) {
        return new Variant(name, classPath, options);
    }
}
