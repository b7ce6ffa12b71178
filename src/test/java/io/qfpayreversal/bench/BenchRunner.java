package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WORK IN PROGRESS (issue E, not yet wired to {@code make bench}; the warm phase still times out
 * after a cold-start process is stopped). Runs target/function.zip as the java21 runtime does (AWS's runtime interface
 * client polling {@link RuntimeApiEmulator}), against the QFPay simulator and SSM on moto_server,
 * all on loopback; and the seed guide's Python client on the same simulator. Prints medians and
 * ratios; writes target/bench/results.md.
 */
public final class BenchRunner {

    private static final String SSM_PATH = "/qfpay/bench";
    private static final String APP_CODE = "BENCHAPPCODE001";
    private static final String KEY = "BENCH-CLIENT-KEY-NOT-A-SECRET";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final int COLD_RUNS = Integer.getInteger("bench.coldRuns", 5);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int WARM = Integer.getInteger("bench.warm", 2000);
    private static final int SWEEP = 1000;
    private static final int SWEEP_RATE = 6000;

    private static final AtomicLong SERIALS = new AtomicLong(20261125500000000L);
    private final StringBuilder report = new StringBuilder();
    private final Path out = Path.of("target/bench");
    private QfpaySimulator qfpay;
    private MotoSsm ssm;
    private RuntimeApiEmulator api;
    private Path zip;
    private boolean coldStartPending;

    public static void main(String[] args) throws Exception {
        new BenchRunner().run(Path.of(args[0]));
        System.exit(0);
    }

    private void run(Path functionZip) throws Exception {
        zip = functionZip;
        Files.createDirectories(out);
        ssm = MotoSsm.start();
        ssm.putString(SSM_PATH + "/app-code", APP_CODE);
        ssm.putSecure(SSM_PATH + "/client-key", KEY);
        qfpay = QfpaySimulator.start(0, APP_CODE, KEY);
        api = new RuntimeApiEmulator();
        line("# qfpay-reversal benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + "; loopback only; " + LocalDateTime.now(HK) + " HKT");
        line("");
        double seedP50;
        double seedP99;
        List<Double> seed = seedClient();
        seedP50 = percentile(seed, 50);
        seedP99 = percentile(seed, 99);
        line(String.format("Seed Python client (one reversal per call, %d calls): p50 %.2f ms, p99 %.2f ms", seed.size(),
                seedP50, seedP99));
        line("");
        Map<String, List<String>> variants = new java.util.LinkedHashMap<>();
        variants.put("JVM (C2)", List.of());
        variants.put("JVM TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
        line("| variant | launch→first poll p50 | launch→first answer p50 | warm reverse p50 / p99 | ratio to seed p50 / p99 | warm status p50 / p99 | RSS after warm run |");
        line("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            measure(variant.getKey(), variant.getValue(), seedP50, seedP99);
        }
        line("");
        line("AppCDS: not measured. The JVM refuses to dump an archive when the class path holds a non-empty"
                + " directory, and function.zip keeps the application's classes at its root as Lambda expects.");
        line("");
        sweep();
        Files.writeString(out.resolve("results.md"), report);
        System.out.println();
        System.out.println("Written to " + out.resolve("results.md"));
        api.close();
        qfpay.close();
        ssm.close();
    }

    private void measure(String name, List<String> jvmOptions, double seedP50, double seedP99) throws Exception {
        List<Double> firstPoll = new ArrayList<>();
        List<Double> firstAnswer = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            var polled = api.expectFirstPoll();
            coldStartPending = true;
            long launched = System.nanoTime();
            try (PackagedFunction function = start(jvmOptions, Map.of())) {
                String answer = api.invoke(statusEvent(pending()));
                long answered = System.nanoTime();
                check(answer, "PENDING");
                firstPoll.add((polled.get() - launched) / 1e6);
                firstAnswer.add((answered - launched) / 1e6);
            }
        }
        List<Double> reverse = new ArrayList<>();
        List<Double> status = new ArrayList<>();
        long rss;
        try (PackagedFunction function = start(jvmOptions, Map.of())) {
            for (int i = 0; i < WARMUP; i++) {
                check(api.invoke(reverseEvent(pending())), "REVERSED");
                check(api.invoke(statusEvent(pending())), "PENDING");
            }
            for (int i = 0; i < WARM; i++) {
                String event = reverseEvent(pending());
                long t = System.nanoTime();
                String answer = api.invoke(event);
                reverse.add((System.nanoTime() - t) / 1e6);
                check(answer, "REVERSED");
            }
            for (int i = 0; i < WARM; i++) {
                String event = statusEvent(pending());
                long t = System.nanoTime();
                String answer = api.invoke(event);
                status.add((System.nanoTime() - t) / 1e6);
                check(answer, "PENDING");
            }
            rss = rssKb(function.pid());
        }
        double p50 = percentile(reverse, 50);
        double p99 = percentile(reverse, 99);
        line(String.format("| %s | %.0f ms | %.0f ms | %.2f / %.2f ms | %.2f× / %.2f× | %.2f / %.2f ms | %d MB |", name,
                percentile(firstPoll, 50), percentile(firstAnswer, 50), p50, p99, p50 / seedP50, p99 / seedP99,
                percentile(status, 50), percentile(status, 99), rss / 1024));
    }

    private void sweep() throws Exception {
        for (int i = 0; i < SWEEP; i++) {
            long serial = SERIALS.incrementAndGet();
            qfpay.add(new SimPayment(String.valueOf(serial), "BENCH-SWEEP-" + serial, "800101", 2500,
                    LocalDateTime.now(HK).withNano(0).minusMinutes(30), Script.PENDING));
        }
        int before = qfpay.calls().size();
        try (PackagedFunction function = start(List.of(), Map.of("QFPAY_SWEEP_RATE_PER_MINUTE", String.valueOf(SWEEP_RATE),
                "QFPAY_SWEEP_MAX_CANCELLATIONS", String.valueOf(SWEEP), "QFPAY_SWEEP_MAX_ITEMS", "10"))) {
            api.invoke(statusEvent(pending())); // cold start outside the timing
            long t = System.nanoTime();
            String summary = api.invoke("{\"action\":\"sweep\",\"lookback_minutes\":60}");
            double seconds = (System.nanoTime() - t) / 1e9;
            int calls = qfpay.calls().size() - before - 1;
            double achieved = calls / seconds * 60;
            line(String.format("Sweep of %d stale payments: %d QFPay calls in %.1f s = %.0f calls/min, %.0f %% of the"
                    + " configured %d/min. Summary: %s", SWEEP, calls, seconds, achieved, 100 * achieved / SWEEP_RATE,
                    SWEEP_RATE, summary.substring(0, Math.min(200, summary.length()))));
        }
    }

    private List<Double> seedClient() throws Exception {
        Path payments = out.resolve("seed-payments.tsv");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < WARM; i++) {
            SimPayment p = pending();
            rows.add(p.syssn() + "\t2500\t" + p.txdtm());
        }
        Files.write(payments, rows);
        Process python = new ProcessBuilder("python3", "scripts/seed_client.py", qfpay.baseUrl(), APP_CODE, KEY,
                payments.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Double> latencies = new ArrayList<>();
        for (String l : new String(python.getInputStream().readAllBytes()).split("\n")) {
            if (!l.isBlank()) {
                latencies.add(Double.parseDouble(l));
            }
        }
        if (python.waitFor() != 0 || latencies.size() != WARM) {
            throw new IllegalStateException("seed client failed");
        }
        return latencies.subList(WARMUP, latencies.size());
    }

    private PackagedFunction start(List<String> jvmOptions, Map<String, String> extraEnv) throws Exception {
        if (!coldStartPending) {
            api.expectFirstPoll();
        }
        coldStartPending = false;
        Map<String, String> env = new HashMap<>(Map.of(
                "QFPAY_BASE_URL", qfpay.baseUrl(),
                "QFPAY_SSM_PATH", SSM_PATH,
                "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
                "AWS_REGION", MotoSsm.REGION,
                "AWS_ACCESS_KEY_ID", MotoSsm.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", MotoSsm.SECRET_KEY,
                "QUARKUS_LOG_LEVEL", "WARN"));
        env.putAll(extraEnv);
        return PackagedFunction.start(zip, api.address(), env, jvmOptions, out.resolve("function.log"));
    }

    private SimPayment pending() {
        long serial = SERIALS.incrementAndGet();
        return qfpay.add(new SimPayment(String.valueOf(serial), "BENCH-" + serial, "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
    }

    private static String reverseEvent(SimPayment p) {
        return "{\"syssn\":\"" + p.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + p.txdtm() + "\"}";
    }

    private static String statusEvent(SimPayment p) {
        return "{\"action\":\"status\",\"syssn\":\"" + p.syssn() + "\"}";
    }

    private static void check(String answer, String status) {
        if (!answer.contains("\"status\":\"" + status + "\"")) {
            throw new IllegalStateException("unexpected answer: " + answer);
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
