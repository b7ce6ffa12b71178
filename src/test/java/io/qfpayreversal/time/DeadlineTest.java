package io.qfpayreversal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Duration SHORTEST_CALL = Duration.ofSeconds(1);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private Deadline in(Duration remaining) {
        return Deadline.in(clock, remaining, SHORTEST_CALL);
    }

    @Test
    void within_takesTheSoonerOfBudgetAndDeadline() {
        Deadline lambda = in(Duration.ofSeconds(10));
        assertThat(lambda.within(Duration.ofSeconds(3)).remaining()).isEqualTo(Duration.ofSeconds(3));
        assertThat(lambda.within(Duration.ofSeconds(30)).remaining()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void allows_onlyWaitsThatEndBeforeTheDeadline() {
        Deadline deadline = in(Duration.ofMillis(500));
        assertThat(deadline.allows(Duration.ofMillis(500))).isTrue();
        assertThat(deadline.allows(Duration.ofMillis(501))).isFalse();
    }

    @Test
    void remaining_isNeverNegative() {
        Deadline deadline = in(Duration.ofMillis(-5));
        assertThat(deadline.remaining()).isZero();
        assertThat(deadline.allows(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void callTimeout_isTheLongestCallWhenItFits_elseWhatIsLeft_elseNone() {
        Duration longest = Duration.ofSeconds(14);
        assertThat(in(Duration.ofSeconds(20)).callTimeout(longest)).contains(longest);
        assertThat(in(Duration.ofSeconds(7)).callTimeout(longest)).contains(Duration.ofSeconds(7));
        assertThat(in(Duration.ofSeconds(1)).callTimeout(longest)).contains(SHORTEST_CALL);
        assertThat(in(Duration.ofMillis(999)).callTimeout(longest)).isEmpty();
    }

    @Test
    void allowsCallAfter_keepsTheShortestCallFreeAfterTheWait() {
        Deadline deadline = in(Duration.ofSeconds(3));
        assertThat(deadline.allowsCallAfter(Duration.ofSeconds(2))).isTrue();
        assertThat(deadline.allowsCallAfter(Duration.ofMillis(2001))).isFalse();
    }
}
