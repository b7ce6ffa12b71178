package io.qfpayreversal.bench;

import java.util.List;

/** One way of running the packaged function: its class path and the JVM options added to it. */
record Variant(String name, List<String> classPath, List<String> jvmOptions) {

    /**
     * What template.yaml deploys on java21 (JAVA_TOOL_OPTIONS): serial GC and C1 only, in a 512 MB
     * environment (MaxRAM sizes the heap as the environment's memory does in Lambda).
     */
    static final List<String> DEPLOYED_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /** The same without {@code -XX:TieredStopAtLevel=1}: C2 compiles the hot code. */
    static final List<String> FULL_TIERING_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC");

    Variant withOptions(String name, List<String> options) {
        return new Variant(name, classPath, options);
    }
}
