package io.qfpayreversal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The latest instant by which an invocation must have its answer: the Lambda deadline less a
 * safety margin, or sooner when a budget is smaller.
 */
public final class Deadline {

    private final Clock clock;
    private final Instant at;

    private Deadline(Clock clock, Instant at) {
        this.clock = clock;
        this.at = at;
    }

    public static Deadline in(Clock clock, Duration remaining) {
        return new Deadline(clock, clock.instant().plus(remaining.isNegative() ? Duration.ZERO : remaining));
    }

    /** This deadline, or {@code budget} from now if that comes first. */
    public Deadline within(Duration budget) {
        Instant candidate = clock.instant().plus(budget);
        return candidate.isBefore(at) ? new Deadline(clock, candidate) : this;
    }

    /** Whether waiting {@code wait} from now still ends before the deadline. */
    public boolean allows(Duration wait) {
        return !clock.instant().plus(wait).isAfter(at);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Clock clock() {
        return clock;
    }
}
