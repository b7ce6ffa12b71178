package io.qfpayreversal.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running JVM's metaspace in use and the classes it has loaded, read with {@code jcmd <pid>
 * PerfCounter.print} of the JDK that runs the function. Classes loaded counts every class loaded so
 * far, from class files ({@code java.cls.loadedClasses}) and from a CDS archive
 * ({@code java.cls.sharedLoadedClasses}).
 */
record JvmCounters(long metaspaceUsedBytes, long loadedClasses, long sharedLoadedClasses) {

    private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    static JvmCounters of(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(JCMD, String.valueOf(pid), "PerfCounter.print").redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(JCMD + " " + pid + " PerfCounter.print failed: " + output);
        }
        Map<String, String> counters = new HashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                counters.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        return new JvmCounters(number(counters, "sun.gc.metaspace.used"), number(counters, "java.cls.loadedClasses"),
                number(counters, "java.cls.sharedLoadedClasses"));
    }

    double metaspaceUsedMegabytes() {
        return metaspaceUsedBytes / (1024.0 * 1024.0);
    }

    long classesLoaded() {
        return loadedClasses + sharedLoadedClasses;
    }

    private static long number(Map<String, String> counters, String name) {
        String value = counters.get(name);
        if (value == null) {
            throw new IllegalStateException("jcmd PerfCounter.print has no " + name);
        }
        return Long.parseLong(value);
    }
}
