package io.qfpayreversal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void within_takesTheSoonerOfBudgetAndDeadline() {
        Deadline lambda = Deadline.in(clock, Duration.ofSeconds(10));
        assertThat(lambda.within(Duration.ofSeconds(3)).remaining()).isEqualTo(Duration.ofSeconds(3));
        assertThat(lambda.within(Duration.ofSeconds(30)).remaining()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void allows_onlyWaitsThatEndBeforeTheDeadline() {
        Deadline deadline = Deadline.in(clock, Duration.ofMillis(500));
        assertThat(deadline.allows(Duration.ofMillis(500))).isTrue();
        assertThat(deadline.allows(Duration.ofMillis(501))).isFalse();
    }

    @Test
    void in_negativeRemaining_allowsNothing() {
        Deadline deadline = Deadline.in(clock, Duration.ofMillis(-5));
        assertThat(deadline.remaining()).isZero();
        assertThat(deadline.allows(Duration.ofMillis(1))).isFalse();
    }
}
