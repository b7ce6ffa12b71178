package io.qfpayreversal.sweep;

import io.qfpayreversal.qfpay.Throttle;
import io.qfpayreversal.time.Pause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces QFPay calls evenly at a fixed rate, across threads: each caller takes the next free
 * slot and waits for it outside the lock.
 */
final class RateLimiter implements Throttle {

    private final Clock clock;
    private final Pause pause;
    private final Duration interval;
    private Instant nextSlot;

    RateLimiter(int perMinute, Clock clock, Pause pause) {
        this.clock = clock;
        this.pause = pause;
        this.interval = Duration.ofMinutes(1).dividedBy(Math.max(1, perMinute));
        this.nextSlot = clock.instant();
    }

    @Override
    public void acquire() {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
            nextSlot = slot.plus(interval);
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero()) {
            pause.pause(wait);
        }
    }
}
