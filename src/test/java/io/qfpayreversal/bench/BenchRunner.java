package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.testing.MotoSsm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code make bench}, issue 15's before/after cold-start benchmark: "before" (a git ref, built
 * apart) and "after" (the working tree) run as Lambda's managed Java runtime runs them, with its
 * flags for the memory size and the JAVA_TOOL_OPTIONS of each one's template, by AWS's runtime
 * interface client polling {@link RuntimeApiEmulator}; a native function.zip, when there is one
 * ({@link NativeZip}), as provided.al2023 runs it, its bootstrap polling the same kind of emulator;
 * all against the QFPay simulator and SSM on moto_server, on loopback; then warm, next to the seed
 * guide's Python client on the same simulator. Prints a table and writes it to
 * target/bench/results.md. Times are reported, never asserted.
 */
public final class BenchRunner {

    static final int MEMORY_MB = Integer.getInteger("bench.memory", 512);
    static final String BEFORE_REF = System.getProperty("bench.before", "841c949"); // release 1.0.0
    static final int COLD_RUNS = Integer.getInteger("bench.coldRuns", 7);
    static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    static final int WARM = Integer.getInteger("bench.warm", 2000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int SWEEP = Integer.getInteger("bench.sweep", 1000);
    static final int SWEEP_RATE = Integer.getInteger("bench.sweepRate", 6000);
    /** C2 and AppCDS variants of "after" too. */
    static final boolean EXTRA = Boolean.getBoolean("bench.extra");
    /** Only the variants whose name contains this. */
    static final String ONLY = System.getProperty("bench.only", "");

    private static final String SSM_PATH = "/qfpay/bench";
    private static final String APP_CODE = "BENCHAPPCODE001";
    private static final String KEY = "BENCH-CLIENT-KEY-NOT-A-SECRET";
    private static final Path OUT = Path.of("target/bench");
    private static final String LEDGER_TABLE = "bench-cancel-ledger";

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("function.log"));
        Path gcLogs = emptied(OUT.resolve("gc"));
        try (MotoSsm ssm = MotoSsm.start(); QfpaySimulator qfpay = QfpaySimulator.start(0, APP_CODE, KEY)) {
            ssm.putCredentials(SSM_PATH, APP_CODE, KEY);
            ssm.createLedgerTable(LEDGER_TABLE);
            LaunchSettings settings = new LaunchSettings(Map.of(
                    "QFPAY_BASE_URL", qfpay.baseUrl(),
                    "QFPAY_SSM_PATH", SSM_PATH,
                    "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
                    "QFPAY_LEDGER_TABLE", LEDGER_TABLE,
                    "AWS_ENDPOINT_URL_DYNAMODB", ssm.endpoint(),
                    "AWS_REGION", MotoSsm.REGION,
                    "AWS_ACCESS_KEY_ID", MotoSsm.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", MotoSsm.SECRET_KEY,
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(MEMORY_MB)), OUT.resolve("function.log"), gcLogs);
            run(qfpay, settings);
        }
        System.exit(0);
    }

    private static void run(QfpaySimulator qfpay, LaunchSettings settings) throws Exception {
        Payments payments = new Payments(qfpay);
        WarmRun warmRun = new WarmRun(settings, payments, new SeedClient(qfpay.baseUrl(), APP_CODE, KEY, OUT));
        List<String> runtimeFlags = ManagedRuntimeFlags.forMemory(MEMORY_MB);
        Variant after = Variant.of(Build.workingTree(), runtimeFlags);
        Optional<Variant> before = wanted(GitRefBuild.nameOf(BEFORE_REF)) ? Optional.of(Variant.of(GitRefBuild.of(BEFORE_REF), runtimeFlags))
                : Optional.empty();
        List<Variant> variants = new ArrayList<>();
        before.ifPresent(variants::add);
        variants.add(after);
        nativeVariant().ifPresent(variants::add);
        if (EXTRA) {
            variants.add(after.withC2(after.name() + ", C2 (TieredStopAtLevel=1 dropped)"));
            if (wanted(AppCds.nameFor(after))) {
                variants.add(AppCds.build(after, OUT, settings, environment -> WarmRun.pair(environment, payments)));
            }
        }
        variants.removeIf(variant -> !wanted(variant.name()));

        warmRun.seedRound(WARMUP); // warms the simulator
        Map<Variant, List<ColdStart>> coldStarts = ColdStarts.measure(variants, COLD_RUNS, settings, payments);
        Report report = new Report(OUT.resolve("results.md"), MEMORY_MB, runtimeFlags, before);
        warmRun.measure(variants, coldStarts).forEach(report::add);
        report.sweep(SweepRun.measure(after, settings, qfpay, payments, SWEEP, SWEEP_RATE));
        report.write();
    }

    /** The native function.zip as provided.al2023 runs it, when there is one and it is wanted; else says why not. */
    private static Optional<Variant> nativeVariant() throws IOException {
        NativeZip.Lookup lookup = NativeZip.lookup();
        if (lookup.zip().isEmpty()) {
            System.out.println("native: skipped (" + lookup.whyNone() + ")");
            return Optional.empty();
        }
        Path zip = lookup.zip().get();
        return wanted(Variant.nativeNameOf(zip))
                ? Optional.of(Variant.ofNative(zip, NativeRuntimeFlags.forMemory(MEMORY_MB)))
                : Optional.empty();
    }

    private static boolean wanted(String variantName) {
        return variantName.contains(ONLY);
    }

    /** The directory, created or emptied: a GC log left from an earlier run would be rotated, not replaced. */
    private static Path emptied(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(dir)).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
