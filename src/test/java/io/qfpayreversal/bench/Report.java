package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's before/after table and issue 15's targets for "after" (and any extra or native variant),
 * printed and written as Markdown.
 */
final class Report {

    private static final double COLD_START_TARGET_MS = 1200;
    private static final long RSS_TARGET_MB = 160;
    private static final double SWEEP_TARGET_SHARE = 0.9;

    private final Path file;
    private final int memoryMegabytes;
    private final List<String> runtimeFlags;
    private final Optional<Variant> before;
    private final List<VariantResult> variants = new ArrayList<>();
    private SweepResult sweep;

    /** @param before the variant the others are held against, if it was measured */
    Report(Path file, int memoryMegabytes, List<String> runtimeFlags, Optional<Variant> before) {
        this.file = file;
        this.memoryMegabytes = memoryMegabytes;
        this.runtimeFlags = runtimeFlags;
        this.before = before;
    }

    void add(VariantResult result) {
        variants.add(result);
        System.out.println(row(result));
    }

    void sweep(SweepResult result) {
        this.sweep = result;
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder("# qfpay-reversal benchmark: cold start before / after issue 15\n\n");
        header(md);
        md.append("| variant | launch → first poll | launch → first answer | CPU to first answer"
                + " | GC pauses to first answer (count / total) | metadata full GCs (launches with one)"
                + " | metaspace used at first answer | classes loaded at first answer (from CDS)"
                + " | RSS after warm run | warm reverse p50 / p99 | seed client p50 / p99 | ratio p50 / p99 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        variants.forEach(v -> md.append(row(v)).append('\n'));
        md.append("\n| variant | reverse round trip p50 / p99 | warm status p50 / p99 |\n|---|---|---|\n");
        variants.forEach(v -> md.append(String.format("| %s | %.2f / %.2f ms | %.2f / %.2f ms |%n", v.name(),
                v.warmMedian(r -> r.reverseRoundTrip().p50()), v.warmMedian(r -> r.reverseRoundTrip().p99()),
                v.warmMedian(r -> r.status().p50()), v.warmMedian(r -> r.status().p99()))));
        notes(md);
        targets(md);
        System.out.println();
        System.out.print(md);
        Files.writeString(file, md);
        System.out.println("\nWritten to " + file);
    }

    private void header(StringBuilder md) {
        md.append(String.format("%s UTC; %d cores; function JVM: %s %s; all on loopback.%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        md.append(String.format("Memory size %d MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE). The managed runtime's flags,"
                + " on the java command line of every JVM launch: `%s`. Added to every JVM launch: `-Xlog:gc:file="
                + "target/bench/gc/<variant>-<launch>.log`%s.%n%n", memoryMegabytes, String.join(" ", runtimeFlags),
                LaunchSettings.ADDED_OPTIONS.isEmpty() ? "" : " `" + String.join(" ", LaunchSettings.ADDED_OPTIONS) + "`"));
        for (VariantResult v : variants) {
            md.append(v.variant().packageType() == PackageType.NATIVE ? nativeLine(v.variant()) : jvmLine(v.variant()))
                    .append('\n');
        }
        md.append('\n');
    }

    private String jvmLine(Variant jvm) {
        String line = String.format("- %s: JAVA_TOOL_OPTIONS=`%s`", jvm.name(), jvm.javaToolOptions());
        if (!jvm.commandLineOptions().equals(runtimeFlags)) {
            line += String.format("; command line instead: `%s`", String.join(" ", jvm.commandLineOptions()));
        }
        return line;
    }

    private static String nativeLine(Variant nativeVariant) {
        return String.format("- %s (provided.al2023): `bootstrap %s`, the heap bounded at the JVM's share of the"
                + " memory size (Lambda passes no arguments; the executable sizes its heap from the memory it sees);"
                + " no JVM, so no JAVA_TOOL_OPTIONS, GC log or jcmd counters: n/a", nativeVariant.name(),
                String.join(" ", nativeVariant.commandLineOptions()));
    }

    private void notes(StringBuilder md) {
        md.append(String.format("%n- Cold start: medians over %d launches of each variant, interleaved (launch i of"
                + " every variant before launch i + 1 of any). The first event is a reverse, so the SSM load, three"
                + " QFPay calls and the answer are in it. Right after the first answer: CPU = utime + stime of the"
                + " process (/proc/<pid>/stat, all threads, JVM start included); GC pauses = those in the launch's"
                + " -Xlog:gc file; metaspace = sun.gc.metaspace.used (class metadata allocated by the JVM;"
                + " classes mapped from a CDS archive are not in it), classes = java.cls.loadedClasses +"
                + " java.cls.sharedLoadedClasses (from CDS; jcmd PerfCounter.print). A native variant has CPU, but"
                + " none of the JVM's figures (n/a).%n", BenchRunner.COLD_RUNS));
        md.append(String.format("- Warm: every variant warmed up in its own environment (%5$d reverse/status pairs),"
                + " then %1$d rounds; each runs the seed guide's Python client (make_req_sign + requests.post, one"
                + " reversal per call) for %2$d reversals, then every variant, in a turning order, for %3$d"
                + " reverse (query, reversal, confirming query) and %4$d status invocations; each variant's ratio is"
                + " taken against that round's seed sample, then the median over the rounds. The function is timed at the Runtime API, from"
                + " handing the event over to receiving the answer, as Lambda times a duration; the round trip adds"
                + " the emulator's queue and the runtime's poll.%n", BenchRunner.ROUNDS, BenchRunner.WARM,
                BenchRunner.WARM, BenchRunner.WARM, BenchRunner.WARMUP));
        md.append(String.format("- Sweep of %d stale payments (after): %d QFPay calls in %.1f s ="
                + " %.0f calls/min, %.0f %% of the configured %d/min.%n", sweep.payments(), sweep.calls(),
                sweep.seconds(), sweep.callsPerMinute(), 100 * sweep.shareOfRate(), sweep.ratePerMinute()));
    }

    private void targets(StringBuilder md) {
        Optional<VariantResult> baseline = variants.stream().filter(v -> before.equals(Optional.of(v.variant())))
                .findFirst();
        List<VariantResult> held = variants.stream().filter(v -> !before.equals(Optional.of(v.variant()))).toList();
        md.append("\n## Targets\n\n| target |");
        held.forEach(v -> md.append(' ').append(v.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(held.size())).append('\n');
        targetRow(md, held, "launch → first answer ≤ 1.2 s (median)", v -> verdict(
                v.coldMedian(ColdStart::firstAnswerMillis) <= COLD_START_TARGET_MS,
                String.format("%.0f ms", v.coldMedian(ColdStart::firstAnswerMillis))));
        targetRow(md, held, "no Metadata GC Threshold full GC in any launch", v -> jvmOnly(v, () -> verdict(
                v.launchesWithMetadataFullGc() == 0, String.format("%d of %d launches had one; median %.0f a launch",
                        v.launchesWithMetadataFullGc(), v.coldStarts().size(),
                        v.jvmColdMedian(jvm -> jvm.gc().metadataFullGcs())))));
        targetRow(md, held, "RSS ≤ 160 MB after the warm run", v -> verdict(v.rssMegabytes() <= RSS_TARGET_MB,
                v.rssMegabytes() + " MB"));
        targetRow(md, held, "warm reverse p50 ratio ≤ before's", v -> noWorse(v, baseline, WarmRound::p50Ratio));
        targetRow(md, held, "warm reverse p99 ratio ≤ before's", v -> noWorse(v, baseline, WarmRound::p99Ratio));
        md.append(String.format("%nSweep ≥ 90 %% of the rate (after): %s%n",
                verdict(sweep.shareOfRate() >= SWEEP_TARGET_SHARE, String.format("%.0f %%", 100 * sweep.shareOfRate()))));
    }

    private static String noWorse(VariantResult v, Optional<VariantResult> baseline, ToDoubleFunction<WarmRound> ratio) {
        double after = v.warmMedian(ratio);
        return baseline.map(b -> verdict(after <= b.warmMedian(ratio),
                String.format("%.2f×; before %.2f×", after, b.warmMedian(ratio))))
                .orElse(String.format("before not measured (%.2f×)", after));
    }

    private static void targetRow(StringBuilder md, List<VariantResult> held, String target,
            Function<VariantResult, String> cell) {
        md.append("| ").append(target).append(" |");
        held.forEach(v -> md.append(' ').append(cell.apply(v)).append(" |"));
        md.append('\n');
    }

    private static String verdict(boolean met, String measured) {
        return (met ? "met" : "NOT met") + " (" + measured + ")";
    }

    private static String row(VariantResult v) {
        return String.format("| %s | %.0f ms | %.0f ms | %.2f s | %s | %s | %s | %s | %d MB | %.2f / %.2f ms"
                + " | %.2f / %.2f ms | %.2f× / %.2f× |", v.name(),
                v.coldMedian(ColdStart::firstPollMillis), v.coldMedian(ColdStart::firstAnswerMillis),
                v.coldMedian(ColdStart::cpuSeconds),
                jvmOnly(v, () -> String.format("%.0f / %.0f ms", v.jvmColdMedian(jvm -> jvm.gc().count()),
                        v.jvmColdMedian(jvm -> jvm.gc().totalMillis()))),
                jvmOnly(v, () -> String.format("%.0f (%d of %d)", v.jvmColdMedian(jvm -> jvm.gc().metadataFullGcs()),
                        v.launchesWithMetadataFullGc(), v.coldStarts().size())),
                jvmOnly(v, () -> String.format("%.1f MB", v.jvmColdMedian(jvm -> jvm.counters().metaspaceUsedMegabytes()))),
                jvmOnly(v, () -> String.format("%.0f (%.0f)", v.jvmColdMedian(jvm -> jvm.counters().classesLoaded()),
                        v.jvmColdMedian(jvm -> jvm.counters().sharedLoadedClasses()))),
                v.rssMegabytes(), v.warmMedian(r -> r.reverse().p50()), v.warmMedian(r -> r.reverse().p99()),
                v.warmMedian(r -> r.seed().p50()), v.warmMedian(r -> r.seed().p99()),
                v.warmMedian(WarmRound::p50Ratio), v.warmMedian(WarmRound::p99Ratio));
    }

    /** A cell of the JVM's own figures (GC log, jcmd), or "n/a" for a variant that has none: native. */
    private static String jvmOnly(VariantResult v, Supplier<String> cell) {
        return v.hasJvmFigures() ? cell.get() : "n/a";
    }
}
