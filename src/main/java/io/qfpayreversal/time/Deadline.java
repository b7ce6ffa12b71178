package io.qfpayreversal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one time budget of an invocation: the instant by which its answer must be given (the Lambda
 * deadline less a safety margin, or sooner when a budget is smaller). Every remote call asks it for
 * its time-out, and every wait asks it whether a call still fits after the wait: no layer keeps a
 * reserve rule of its own.
 */
public final class Deadline {

    private final Clock clock;
    private final Instant at;
    private final Duration shortestCall;

    private Deadline(Clock clock, Instant at, Duration shortestCall) {
        this.clock = clock;
        this.at = at;
        this.shortestCall = shortestCall;
    }

    /**
     * {@code remaining} from now; a call is only started while at least {@code shortestCall} is
     * left, because one with less time could not get an answer anyway.
     */
    public static Deadline in(Clock clock, Duration remaining, Duration shortestCall) {
        return new Deadline(clock, clock.instant().plus(remaining.isNegative() ? Duration.ZERO : remaining),
                shortestCall);
    }

    /** No invocation's deadline (a load at start-up): only the callee's own time-outs apply. */
    public static Deadline none(Clock clock) {
        return new Deadline(clock, Instant.MAX, Duration.ZERO);
    }

    /** This deadline, or {@code budget} from now if that comes first. */
    public Deadline within(Duration budget) {
        Instant candidate = clock.instant().plus(budget);
        return candidate.isBefore(at) ? new Deadline(clock, candidate, shortestCall) : this;
    }

    /** Whether waiting {@code wait} from now still ends before the deadline. */
    public boolean allows(Duration wait) {
        return !clock.instant().plus(wait).isAfter(at);
    }

    /** Whether a call can still be started after waiting {@code wait}. */
    public boolean allowsCallAfter(Duration wait) {
        return allows(wait.plus(shortestCall));
    }

    /**
     * The time-out of a call that may take up to {@code longest}: all of it when that fits, else
     * what is left; empty when too little is left to start the call at all.
     */
    public Optional<Duration> callTimeout(Duration longest) {
        Duration left = remaining();
        if (left.compareTo(shortestCall) < 0) {
            return Optional.empty();
        }
        return Optional.of(left.compareTo(longest) < 0 ? left : longest);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
