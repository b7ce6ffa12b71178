package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.SimPayment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm comparison: per variant an environment warmed up with reverse/status pairs, then rounds
 * of the seed client's reversals followed by every variant's reverse and status invocations, so that
 * each round's ratios are taken under the same machine load; each process's RSS after the last round.
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

    /**
     * Every variant warm in its own environment at once; then each round runs the seed client, then
     * every variant, in a turning order (round r starts with variant r), each compared with that same
     * seed sample: neither the order, the simulator's own warming nor the seed client's variation
     * between its runs favours one of them.
     */
    List<VariantResult> measure(List<Variant> variants, Map<Variant, List<ColdStart>> coldStarts) throws Exception {
        Map<Variant, LambdaEnvironment> environments = new LinkedHashMap<>();
        Map<Variant, List<WarmRound>> rounds = new LinkedHashMap<>();
        try {
            for (Variant variant : variants) {
                long started = System.nanoTime();
                LambdaEnvironment environment = settings.launch(variant, "warm");
                environments.put(variant, environment);
                rounds.put(variant, new ArrayList<>());
                for (int i = 0; i < BenchRunner.WARMUP; i++) {
                    pair(environment, payments);
                }
                progress("Warm-up of " + variant.name(), started);
                System.out.println();
            }
            for (int round = 0; round < BenchRunner.ROUNDS; round++) {
                long started = System.nanoTime();
                Samples seedLatencies = seedRound(BenchRunner.WARM);
                for (int turn = 0; turn < variants.size(); turn++) {
                    Variant variant = variants.get((round + turn) % variants.size());
                    rounds.get(variant).add(round(environments.get(variant), seedLatencies));
                }
                progress("Warm round " + (round + 1), started);
                System.out.println();
            }
            List<VariantResult> results = new ArrayList<>();
            for (Variant variant : variants) {
                results.add(new VariantResult(variant, coldStarts.get(variant), rounds.get(variant),
                        environments.get(variant).rssMegabytes()));
            }
            return results;
        } finally {
            environments.values().forEach(LambdaEnvironment::close);
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

    private WarmRound round(LambdaEnvironment environment, Samples seedLatencies) throws Exception {
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
