package io.qfpayreversal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final Clock frozen = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void acquire_fromManyThreads_givesEachCallItsOwnSlotAtTheRate() throws Exception {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        RateLimiter limiter = new RateLimiter(120, frozen, waits::add);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            threads.submit(limiter::acquire);
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // The first call goes at once (no pause); the other 39 wait 0.5 s, 1 s, ... 19.5 s.
        assertThat(waits).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 39).mapToObj(i -> Duration.ofMillis(500 * i)).toList());
    }

    @Test
    void acquire_afterAQuietSpell_doesNotSaveUpABurst() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Instant[] now = {Instant.parse("2026-11-25T10:00:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RateLimiter limiter = new RateLimiter(60, moving, waits::add);
        limiter.acquire();
        now[0] = now[0].plusSeconds(600);
        limiter.acquire();
        limiter.acquire();

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
}
