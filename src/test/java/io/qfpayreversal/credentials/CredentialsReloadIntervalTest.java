package io.qfpayreversal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.metrics.TestMetrics;
import io.qfpayreversal.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reloads after a 1108 are limited to one per interval, by a clock that may also go back. */
class CredentialsReloadIntervalTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final Deadline NO_DEADLINE = Deadline.none(Clock.systemUTC());

    private final AtomicInteger loads = new AtomicInteger();
    private final CredentialsSource source = new CredentialsSource() {
        @Override
        public Credentials load(Deadline deadline) {
            return new Credentials("APP", "key-" + loads.incrementAndGet(), null);
        }

        @Override
        public boolean reloadable() {
            return true;
        }
    };
    private final SettableClock clock = new SettableClock(T0);
    private final CredentialsProvider provider =
            new CredentialsProvider(source, Duration.ofMillis(50), TestMetrics.discarding(), clock, Duration.ofMinutes(1));

    @Test
    void reload_withinTheInterval_isAConfigurationException() {
        Credentials first = provider.reload(null, NO_DEADLINE);
        clock.now = T0.plusSeconds(30);

        assertThatThrownBy(() -> provider.reload(first, NO_DEADLINE)).isInstanceOf(ConfigurationException.class);
        assertThat(loads).hasValue(1);
    }

    @Test
    void reload_afterTheInterval_loadsAgain() {
        Credentials first = provider.reload(null, NO_DEADLINE);
        clock.now = T0.plusSeconds(61);

        assertThat(provider.reload(first, NO_DEADLINE)).isNotEqualTo(first);
        assertThat(loads).hasValue(2);
    }

    @Test
    void reload_afterTheClockWentBack_loadsAgain() {
        Credentials first = provider.reload(null, NO_DEADLINE);
        clock.now = T0.minusSeconds(3600);

        assertThat(provider.reload(first, NO_DEADLINE)).isNotEqualTo(first);
        assertThat(loads).hasValue(2);
    }

    private static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
