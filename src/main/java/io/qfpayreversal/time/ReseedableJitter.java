package io.qfpayreversal.time;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Backoff jitter from one {@link Random} that can be seeded again. Environments restored from one
 * SnapStart snapshot would otherwise draw the same sequence (a snapshot copies every random state,
 * {@code ThreadLocalRandom}'s seeder included) and retry in step; {@link #reseed()} after a restore
 * gives each its own.
 */
public final class ReseedableJitter implements Jitter {

    public static final ReseedableJitter INSTANCE = new ReseedableJitter();

    private final Random random = new Random(freshSeed());

    private ReseedableJitter() {
    }

    @Override
    public double next() {
        return random.nextDouble();
    }

    public void reseed() {
        random.setSeed(freshSeed());
    }

    private static long freshSeed() {
        return new SecureRandom().nextLong() ^ System.nanoTime();
    }
}
