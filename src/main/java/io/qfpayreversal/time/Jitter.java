package io.qfpayreversal.time;

/** A random number in [0, 1) for backoff jitter; a port so tests can fix it. */
@FunctionalInterface
public interface Jitter {

    double next();
}
