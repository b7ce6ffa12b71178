package io.qfpayreversal.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Backoff jitter from one {@link Random} that can be seeded again. It is a bean, made when first
 * used and so at run time: no static field holds it, because a native image initialises
 * application classes at build time and would freeze one seed into every container. Environments
 * restored from one SnapStart snapshot would likewise draw the same sequence (a snapshot copies
 * every random state, {@code ThreadLocalRandom}'s seeder included) and retry in step;
 * {@link #reseed()} after a restore gives each its own.
 */
@ApplicationScoped
public class ReseedableJitter implements Jitter {

    private final Random random = new Random(freshSeed());

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
