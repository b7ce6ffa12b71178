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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code make bench}: runs target/function.zip as the java21 runtime does (AWS's runtime interface
 * client polling {@link RuntimeApiEmulator}) against the QFPay simulator and SSM on moto_server,
 * all on loopback, next to the seed guide's Python client on the same simulator. Prints a table
 * and writes it to target/bench/results.md. Times are reported, never asserted.
 */
public final class BenchRunner {

    static final int COLD_RUNS = Integer.getInteger("bench.coldRuns", 5);
    static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    static final int WARM = Integer.getInteger("bench.warm", 2000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int SWEEP = Integer.getInteger("bench.sweep", 1000);
    static final int SWEEP_RATE = Integer.getInteger("bench.sweepRate", 6000);

    private static final String SSM_PATH = "/qfpay/bench";
    private static final String APP_CODE = "BENCHAPPCODE001";
    private static final String KEY = "BENCH-CLIENT-KEY-NOT-A-SECRET";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");

    private final AtomicLong serials = new AtomicLong(20261125500000000L);
    private long phaseStarted;
    private final Path out = Path.of("target/bench");
    private final QfpaySimulator qfpay;
    private final LaunchSettings settings;

    private BenchRunner(QfpaySimulator qfpay, LaunchSettings settings) {
        this.qfpay = qfpay;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("function.log"));
        try (MotoSsm ssm = MotoSsm.start(); QfpaySimulator qfpay = QfpaySimulator.start(0, APP_CODE, KEY)) {
            ssm.putCredentials(SSM_PATH, APP_CODE, KEY);
            LaunchSettings settings = new LaunchSettings(Map.of(
                    "QFPAY_BASE_URL", qfpay.baseUrl(),
                    "QFPAY_SSM_PATH", SSM_PATH,
                    "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
                    "AWS_REGION", MotoSsm.REGION,
                    "AWS_ACCESS_KEY_ID", MotoSsm.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", MotoSsm.SECRET_KEY), out.resolve("function.log"));
            new BenchRunner(qfpay, settings).run(Path.of(args[0]));
        }
        System.exit(0);
    }

    private void run(Path functionZip) throws Exception {
        Path taskRoot = PackagedFunction.unpack(functionZip);
        Report report = new Report(out.resolve("results.md"));
        seedRound(WARMUP); // warms the simulator
        Variant deployed = new Variant("deployed: serial GC, C1", PackagedFunction.classPathOf(taskRoot),
                Variant.DEPLOYED_OPTIONS);
        List<Variant> variants = new ArrayList<>();
        variants.add(deployed);
        variants.add(deployed.withOptions("serial GC, C2 (full tiering)", Variant.FULL_TIERING_OPTIONS));
        variants.add(AppCds.build(deployed, taskRoot, out, settings, this::train));
        String only = System.getProperty("bench.only", "");
        for (Variant variant : variants) {
            if (variant.name().contains(only)) {
                report.variant(measure(variant));
            }
        }
        report.sweep(sweep(deployed));
        report.write();
    }

    private Samples seedRound(int reversals) throws Exception {
        List<SimPayment> payments = new ArrayList<>();
        for (int i = 0; i < reversals; i++) {
            payments.add(pending());
        }
        return SeedClient.reverse(qfpay.baseUrl(), APP_CODE, KEY, payments, out);
    }

    private VariantResult measure(Variant variant) throws Exception {
        System.out.print("Measuring " + variant.name() + ":");
        phaseStarted = System.nanoTime();
        Samples firstPoll = new Samples();
        Samples firstAnswer = new Samples();
        for (int i = 0; i < COLD_RUNS; i++) {
            String event = reverseEvent(pending());
            try (LambdaEnvironment environment = settings.launch(variant)) {
                expect(environment.invoke(event), "REVERSED");
                firstAnswer.add(environment.sinceLaunchMillis());
                firstPoll.add(environment.launchToFirstPollMillis());
            }
        }
        progress("cold starts");
        try (LambdaEnvironment environment = settings.launch(variant)) {
            for (int i = 0; i < WARMUP; i++) {
                train(environment);
            }
            progress("warm-up");
            List<WarmRound> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(warmRound(environment));
                progress("round " + (round + 1));
            }
            return new VariantResult(variant.name(), firstPoll.p50(), firstAnswer.p50(), rounds,
                    environment.rssMegabytes());
        }
    }

    private WarmRound warmRound(LambdaEnvironment environment) throws Exception {
        Samples seed = seedRound(WARM);
        Samples reverse = new Samples();
        Samples reverseRoundTrip = new Samples();
        Samples status = new Samples();
        for (int i = 0; i < WARM; i++) {
            String event = reverseEvent(pending());
            long started = System.nanoTime();
            RuntimeApiEmulator.Answer answer = environment.invoke(event);
            reverseRoundTrip.add((System.nanoTime() - started) / 1e6);
            reverse.add(expect(answer, "REVERSED"));
        }
        for (int i = 0; i < WARM; i++) {
            status.add(expect(environment.invoke(statusEvent(pending())), "PENDING"));
        }
        return new WarmRound(seed, reverse, reverseRoundTrip, status);
    }

    private void progress(String phase) {
        long now = System.nanoTime();
        System.out.printf(" %s %.0f s%s", phase, (now - phaseStarted) / 1e9, phase.equals("round " + ROUNDS) ? "\n" : ",");
        phaseStarted = now;
    }

    /** One reversal and one status query: the training run for AppCDS and the warm-up. */
    private void train(LambdaEnvironment environment) throws Exception {
        expect(environment.invoke(reverseEvent(pending())), "REVERSED");
        expect(environment.invoke(statusEvent(pending())), "PENDING");
    }

    private SweepResult sweep(Variant variant) throws Exception {
        System.out.println("Sweeping " + SWEEP + " stale payments at " + SWEEP_RATE + "/min ...");
        qfpay.reset();
        for (int i = 0; i < SWEEP; i++) {
            long serial = serials.incrementAndGet();
            qfpay.add(new SimPayment(String.valueOf(serial), "BENCH-SWEEP-" + serial, "800101", 2500,
                    LocalDateTime.now(HK).withNano(0).minusMinutes(30), Script.PENDING));
        }
        LaunchSettings sweepSettings = settings.with(Map.of(
                "QFPAY_SWEEP_ENABLED", "true", // as the template's SweepFunction
                "QFPAY_SWEEP_RATE_PER_MINUTE", String.valueOf(SWEEP_RATE),
                "QFPAY_SWEEP_MAX_CANCELLATIONS", String.valueOf(SWEEP)));
        try (LambdaEnvironment environment = sweepSettings.launch(variant)) {
            expect(environment.invoke(statusEvent(pending())), "PENDING"); // the cold start, outside the timing
            int before = qfpay.calls().size();
            long started = System.nanoTime();
            String summary = environment.invoke("{\"action\":\"sweep\",\"lookback_minutes\":60}").text();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new SweepResult(SWEEP, SWEEP_RATE, qfpay.calls().size() - before, seconds, summary);
        }
    }

    private SimPayment pending() {
        long serial = serials.incrementAndGet();
        return qfpay.add(new SimPayment(String.valueOf(serial), "BENCH-" + serial, "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
    }

    private static String reverseEvent(SimPayment p) {
        return "{\"syssn\":\"" + p.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + p.txdtm() + "\"}";
    }

    private static String statusEvent(SimPayment p) {
        return "{\"action\":\"status\",\"syssn\":\"" + p.syssn() + "\"}";
    }

    /** Checks the answer's status; returns its duration at the Runtime API. */
    private static double expect(RuntimeApiEmulator.Answer answer, String status) {
        if (!answer.text().contains("\"status\":\"" + status + "\"")) {
            throw new IllegalStateException("expected " + status + ", got: " + answer.text());
        }
        return answer.durationMillis();
    }
}
