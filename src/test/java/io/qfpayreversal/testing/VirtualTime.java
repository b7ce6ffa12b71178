package io.qfpayreversal.testing;

import io.qfpayreversal.time.Pause;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function's clock and pause in tests: waits advance the clock instead of sleeping, and a test
 * can move "now" (to a month boundary, or towards the deadline). Starts at the real time.
 */
public final class VirtualTime extends Clock implements Pause {

    private static final VirtualTime INSTANCE = new VirtualTime();

    private volatile Instant start;
    private final AtomicLong elapsedNanos = new AtomicLong();

    private VirtualTime() {
        reset();
    }

    public static VirtualTime get() {
        return INSTANCE;
    }

    /** Back to the real time, nothing elapsed. */
    public void reset() {
        start = Instant.now();
        elapsedNanos.set(0);
    }

    public void setNow(Instant now) {
        start = now;
        elapsedNanos.set(0);
    }

    public void advance(Duration duration) {
        elapsedNanos.addAndGet(duration.toNanos());
    }

    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    @Override
    public void pause(Duration duration) {
        advance(duration);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return VirtualTime.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return VirtualTime.this.instant();
            }
        };
    }

    /** Puts virtual time in place of the real clock and sleep for every {@code @QuarkusTest}. */
    public static class Producers {

        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return INSTANCE;
        }

        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Pause pause() {
            return INSTANCE;
        }
    }
}
