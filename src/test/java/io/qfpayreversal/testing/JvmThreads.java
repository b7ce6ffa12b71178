package io.qfpayreversal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The live threads of another JVM, from its thread dump ({@code jcmd <pid> Thread.print}). */
public final class JvmThreads {

    /** A Java thread's header line: {@code "name" #22 [tid] daemon prio=5 ...} (JVM-internal threads have no #). */
    private static final Pattern JAVA_THREAD = Pattern.compile("^\"(.*)\" #\\d+ (.*)$", Pattern.MULTILINE);

    private JvmThreads() {
    }

    /** The names of its non-daemon Java threads: what keeps a JVM alive (DestroyJavaVM waits for them). */
    public static List<String> nonDaemon(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IOException("jcmd " + pid + " Thread.print failed: " + dump);
        }
        return JAVA_THREAD.matcher(dump).results().filter(header -> !header.group(2).contains("daemon "))
                .map(header -> header.group(1)).toList();
    }
}
