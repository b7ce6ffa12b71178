package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.SimPayment;
import java.util.ArrayList;
import java.util.List;

/**
 * The warm comparison of one variant, in one environment: warm-up pairs, then rounds of the seed
 * client's reversals and the function's reverse and status invocations back to back, so that each
 * round's ratio is taken under the same machine load; the process's RSS after the last round.
 */
final class WarmRun {

    private final LaunchSettings settings;
    private final Payments payments;
    private final SeedClient seed;

    WarmRun(LaunchSettings settings, Payments payments, SeedClient seed) {
        this.settings = settings;
        this.payments = payments;
        this.seed = seed;
    }

    VariantResult measure(Variant variant, List<ColdStart> coldStarts) throws Exception {
        System.out.print("Warm run of " + variant.name() + ":");
        long started = System.nanoTime();
        try (LambdaEnvironment environment = settings.launch(variant, "warm")) {
            for (int i = 0; i < BenchRunner.WARMUP; i++) {
                pair(environment, payments);
            }
            started = progress("warm-up", started);
            List<WarmRound> rounds = new ArrayList<>();
            for (int round = 1; round <= BenchRunner.ROUNDS; round++) {
                rounds.add(round(environment));
                started = progress("round " + round, started);
            }
            System.out.println();
            return new VariantResult(variant, coldStarts, rounds, environment.rssMegabytes());
        }
    }

    /** The seed client's latencies for this many reversals of new pending payments. */
    Samples seedRound(int reversals) throws Exception {
        List<SimPayment> pending = new ArrayList<>();
        for (int i = 0; i < reversals; i++) {
            pending.add(payments.pending());
        }
        return seed.reverse(pending);
    }

    /** One reversal and one status query: a warm-up step, and the AppCDS training run's work. */
    static void pair(LambdaEnvironment environment, Payments payments) throws Exception {
        Payments.expect(environment.invoke(payments.reverseEvent()), "REVERSED");
        Payments.expect(environment.invoke(payments.statusEvent()), "PENDING");
    }

    private WarmRound round(LambdaEnvironment environment) throws Exception {
        Samples seedLatencies = seedRound(BenchRunner.WARM);
        Samples reverse = new Samples();
        Samples reverseRoundTrip = new Samples();
        Samples status = new Samples();
        for (int i = 0; i < BenchRunner.WARM; i++) {
            String event = payments.reverseEvent();
            long started = System.nanoTime();
            RuntimeApiEmulator.Answer answer = environment.invoke(event);
            reverseRoundTrip.add((System.nanoTime() - started) / 1e6);
            reverse.add(Payments.expect(answer, "REVERSED"));
        }
        for (int i = 0; i < BenchRunner.WARM; i++) {
            status.add(Payments.expect(environment.invoke(payments.statusEvent()), "PENDING"));
        }
        return new WarmRound(seedLatencies, reverse, reverseRoundTrip, status);
    }

    private static long progress(String phase, long since) {
        long now = System.nanoTime();
        System.out.printf(" %s %.0f s", phase, (now - since) / 1e9);
        return now;
    }
}
