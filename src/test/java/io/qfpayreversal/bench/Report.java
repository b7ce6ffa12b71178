package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's table and its verdict on each target, printed and written as Markdown. */
final class Report {

    private static final double COLD_START_TARGET_MS = 1200;
    private static final long RSS_TARGET_MB = 160;
    private static final double SWEEP_TARGET_SHARE = 0.9;

    private final Path file;
    private final List<VariantResult> variants = new ArrayList<>();
    private Samples seed;
    private SweepResult sweep;

    Report(Path file) {
        this.file = file;
    }

    void seed(Samples samples) {
        this.seed = samples;
        System.out.printf("Seed client: p50 %.2f ms, p99 %.2f ms%n", samples.p50(), samples.p99());
    }

    void variant(VariantResult result) {
        variants.add(result);
        System.out.println(row(result));
    }

    void sweep(SweepResult result) {
        this.sweep = result;
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# qfpay-reversal benchmark\n\n");
        md.append(String.format("%s UTC; %d cores; function JVM: %s %s; all on loopback.%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        md.append(String.format("Seed guide's Python client (make_req_sign + requests.post, one reversal per call,"
                + " %d calls): p50 %.2f ms, p99 %.2f ms.%n%n", seed.size(), seed.p50(), seed.p99()));
        md.append("| variant | launch → first poll | launch → first answer | warm reverse p50 / p99 | vs seed p50 / p99"
                + " | reverse round trip p50 / p99 | warm status p50 / p99 | RSS after warm run |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (VariantResult v : variants) {
            md.append(row(v)).append('\n');
        }
        md.append(String.format("%nCold starts: median of %d launches each. Warm: %d reverse (query, reversal,"
                + " confirming query) and %d status invocations after %d warm-up pairs, timed at the Runtime API from"
                + " handing the event to the runtime to receiving its answer, as Lambda times a duration; the round trip"
                + " adds the emulator's queue and the runtime's poll.%n",
                BenchRunner.COLD_RUNS, variants.get(0).reverse().size(), variants.get(0).status().size(),
                BenchRunner.WARMUP));
        md.append(String.format("%nSweep of %d stale payments (deployed variant): %d QFPay calls in %.1f s ="
                + " %.0f calls/min, %.0f %% of the configured %d/min.%n", sweep.payments(), sweep.calls(),
                sweep.seconds(), sweep.callsPerMinute(), 100 * sweep.shareOfRate(), sweep.ratePerMinute()));
        md.append("\n## Targets (deployed variant)\n\n");
        VariantResult deployed = variants.get(0);
        target(md, "warm reverse p50 ≤ seed p50", deployed.reverse().p50() <= seed.p50(),
                String.format("%.2f ms vs %.2f ms", deployed.reverse().p50(), seed.p50()));
        target(md, "warm reverse p99 ≤ seed p99", deployed.reverse().p99() <= seed.p99(),
                String.format("%.2f ms vs %.2f ms", deployed.reverse().p99(), seed.p99()));
        target(md, "launch → first answer ≤ 1.2 s", deployed.firstAnswerMillis() <= COLD_START_TARGET_MS,
                String.format("%.0f ms", deployed.firstAnswerMillis()));
        target(md, "RSS ≤ 160 MB", deployed.rssMegabytes() <= RSS_TARGET_MB, deployed.rssMegabytes() + " MB");
        target(md, "sweep ≥ 90 % of the rate", sweep.shareOfRate() >= SWEEP_TARGET_SHARE,
                String.format("%.0f %%", 100 * sweep.shareOfRate()));
        System.out.println();
        System.out.print(md);
        Files.writeString(file, md);
        System.out.println("\nWritten to " + file);
    }

    private static void target(StringBuilder md, String name, boolean met, String measured) {
        md.append(String.format("- %s: %s (%s)%n", name, met ? "met" : "NOT met", measured));
    }

    private String row(VariantResult v) {
        return String.format(
                "| %s | %.0f ms | %.0f ms | %.2f / %.2f ms | %.2f× / %.2f× | %.2f / %.2f ms | %.2f / %.2f ms | %d MB |",
                v.name(), v.firstPollMillis(), v.firstAnswerMillis(), v.reverse().p50(), v.reverse().p99(),
                v.reverse().p50() / seed.p50(), v.reverse().p99() / seed.p99(), v.reverseRoundTrip().p50(),
                v.reverseRoundTrip().p99(), v.status().p50(), v.status().p99(), v.rssMegabytes());
    }
}
