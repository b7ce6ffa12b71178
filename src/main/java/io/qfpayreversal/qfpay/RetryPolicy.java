package io.qfpayreversal.qfpay;

import java.time.Duration;

/**
 * The one retry policy, a pure function. A query only reads, so it is always safe to send again. A
 * reversal or close whose outcome is unknown (sent, then no usable answer) is never sent blindly
 * again: the payment is queried first and the decision made afresh. Only a call that provably had
 * no effect is resent as is: one that never left (connection refused, connect time-out), or one
 * QFPay turned away with HTTP 429 (where an extra query would only add to the load).
 */
public final class RetryPolicy {

    /** How a QFPay call failed. */
    public enum Fault {
        /** The connection was never made: nothing reached QFPay. */
        NOT_SENT,
        /** Sent, but no answer within the read time-out: QFPay may have acted. */
        TIMED_OUT,
        /** Sent, but the connection broke before a whole answer. */
        CONNECTION_LOST,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** HTTP 429; QFPay did not act. */
        RATE_LIMITED,
        /** An answer that is not QFPay JSON (HTML, empty, truncated). */
        UNREADABLE,
        /** A busy code (1100, 1205, 1295, 1296, 1297 on a reversal or query), or a processing code as a query's own answer. */
        BUSY,
        /** Not started: too little time was left before the deadline. */
        NO_TIME;

        /** A time-out, or no time for the call at all (API Gateway answers 504 rather than 503). */
        public boolean isTimeout() {
            return this == TIMED_OUT || this == NO_TIME;
        }

        /** Whether QFPay may have received the request, and so may have acted on it. */
        public boolean mayHaveReachedQfpay() {
            return this != NOT_SENT && this != RATE_LIMITED && this != NO_TIME;
        }
    }

    public enum Decision {
        /** Send the same request again after the delay. */
        RESEND,
        /** Query the payment and decide again after the delay; do not resend blindly. */
        QUERY_FIRST,
        /** Stop: the attempts are used up. */
        GIVE_UP
    }

    private RetryPolicy() {
    }

    /**
     * What to do after {@code attempt} (1-based) failed with {@code fault}.
     *
     * @param cancel whether the call was a reversal or close (else a query)
     */
    public static Decision shouldRetry(boolean cancel, Fault fault, int attempt, int maxAttempts) {
        if (attempt >= maxAttempts || fault == Fault.NO_TIME) {
            return Decision.GIVE_UP;
        }
        if (!cancel || fault == Fault.NOT_SENT || fault == Fault.RATE_LIMITED) {
            return Decision.RESEND;
        }
        return Decision.QUERY_FIRST;
    }

    /**
     * Exponential backoff with full jitter ({@code random} in [0, 1)), never less than QFPay's
     * {@code Retry-After} when it sent one.
     */
    public static Duration delay(int attempt, Duration base, Duration cap, Duration retryAfter, double random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis((long) (ceiling * random));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}
