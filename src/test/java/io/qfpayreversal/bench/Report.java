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
    private SweepResult sweep;

    Report(Path file) {
        this.file = file;
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
        md.append("| variant | launch → first poll | launch → first answer | warm reverse p50 / p99 | seed client p50 / p99"
                + " | ratio p50 / p99 | reverse round trip p50 / p99 | warm status p50 / p99 | RSS after warm run |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (VariantResult v : variants) {
            md.append(row(v)).append('\n');
        }
        md.append(String.format("%n- Cold start: median of %d launches each; the first event is a reverse, so SSM,"
                + " three QFPay calls and the answer are in it.%n", BenchRunner.COLD_RUNS));
        md.append(String.format("- Warm: medians over %d rounds; each round runs the seed guide's Python client"
                + " (make_req_sign + requests.post, one reversal per call) for %d reversals, then the function for %d"
                + " reverse (query, reversal, confirming query) and %d status invocations, after %d warm-up pairs."
                + " Ratios are taken per round, then their median. The function is timed at the Runtime API, from"
                + " handing the event over to receiving the answer, as Lambda times a duration; the round trip adds"
                + " the emulator's queue and the runtime's poll.%n", BenchRunner.ROUNDS, BenchRunner.WARM,
                BenchRunner.WARM, BenchRunner.WARM, BenchRunner.WARMUP));
        md.append(String.format("- Sweep of %d stale payments (deployed variant): %d QFPay calls in %.1f s ="
                + " %.0f calls/min, %.0f %% of the configured %d/min.%n", sweep.payments(), sweep.calls(),
                sweep.seconds(), sweep.callsPerMinute(), 100 * sweep.shareOfRate(), sweep.ratePerMinute()));
        md.append("\n## Targets\n\n| target |");
        variants.forEach(v -> md.append(' ').append(v.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(variants.size())).append('\n');
        targetRow(md, "warm reverse p50 ≤ 1.0× seed p50", v -> verdict(v.median(WarmRound::p50Ratio) <= 1.0,
                String.format("%.2f×", v.median(WarmRound::p50Ratio))));
        targetRow(md, "warm reverse p99 ≤ 1.0× seed p99", v -> verdict(v.median(WarmRound::p99Ratio) <= 1.0,
                String.format("%.2f×", v.median(WarmRound::p99Ratio))));
        targetRow(md, "launch → first answer ≤ 1.2 s", v -> verdict(v.firstAnswerMillis() <= COLD_START_TARGET_MS,
                String.format("%.0f ms", v.firstAnswerMillis())));
        targetRow(md, "RSS ≤ 160 MB", v -> verdict(v.rssMegabytes() <= RSS_TARGET_MB, v.rssMegabytes() + " MB"));
        md.append(String.format("%nSweep ≥ 90 %% of the rate (deployed variant): %s%n",
                verdict(sweep.shareOfRate() >= SWEEP_TARGET_SHARE, String.format("%.0f %%", 100 * sweep.shareOfRate()))));
        System.out.println();
        System.out.print(md);
        Files.writeString(file, md);
        System.out.println("\nWritten to " + file);
    }

    private void targetRow(StringBuilder md, String target, java.util.function.Function<VariantResult, String> cell) {
        md.append("| ").append(target).append(" |");
        variants.forEach(v -> md.append(' ').append(cell.apply(v)).append(" |"));
        md.append('\n');
    }

    private static String verdict(boolean met, String measured) {
        return (met ? "met" : "NOT met") + " (" + measured + ")";
    }

    private static String row(VariantResult v) {
        return String.format("| %s | %.0f ms | %.0f ms | %.2f / %.2f ms | %.2f / %.2f ms | %.2f× / %.2f× |"
                + " %.2f / %.2f ms | %.2f / %.2f ms | %d MB |", v.name(), v.firstPollMillis(), v.firstAnswerMillis(),
                v.median(r -> r.reverse().p50()), v.median(r -> r.reverse().p99()),
                v.median(r -> r.seed().p50()), v.median(r -> r.seed().p99()),
                v.median(WarmRound::p50Ratio), v.median(WarmRound::p99Ratio),
                v.median(r -> r.reverseRoundTrip().p50()), v.median(r -> r.reverseRoundTrip().p99()),
                v.median(r -> r.status().p50()), v.median(r -> r.status().p99()), v.rssMegabytes());
    }
}
