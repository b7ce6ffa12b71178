package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.time.Pause;
import java.time.Duration;

/**
 * When to query a payment whose cancel QFPay has not settled: exponential backoff from the first
 * wait, within the polling budget and the invocation's deadline.
 */
final class PollSchedule {

    private final QfpayConfig config;
    private final Deadline deadline;
    private Deadline budget;
    private Duration next;

    PollSchedule(QfpayConfig config, Deadline deadline) {
        this.config = config;
        this.deadline = deadline;
    }

    /** Waits before the next query; {@code false} (without waiting) when no query would fit any more. */
    boolean waitForNext(Pause pause) {
        if (budget == null) {
            budget = deadline.within(config.pollBudget());
            next = config.pollInitialDelay();
        }
        if (!budget.allows(next) || !deadline.allowsCallAfter(next)) {
            return false;
        }
        pause.pause(next);
        next = next.multipliedBy(2).compareTo(config.pollMaxDelay()) < 0 ? next.multipliedBy(2) : config.pollMaxDelay();
        return true;
    }
}
