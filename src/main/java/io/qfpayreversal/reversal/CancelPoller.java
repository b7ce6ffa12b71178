package io.qfpayreversal.reversal;

import io.qfpayreversal.time.Pause;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpaySession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Queries a payment whose cancel QFPay reported as processing, with exponential backoff, until
 * QFPay shows it cancelled or the time runs out. Queries are always safe to repeat.
 */
@ApplicationScoped
public class CancelPoller {

    private static final Logger LOG = Logger.getLogger(CancelPoller.class);

    private final PaymentLookup lookup;
    private final Pause pause;
    private final QfpayConfig config;

    CancelPoller(PaymentLookup lookup, Pause pause, QfpayConfig config) {
        this.lookup = lookup;
        this.pause = pause;
        this.config = config;
    }

    /** The payment row once QFPay shows it cancelled, or {@code null} if it never did in time. */
    public PaymentRow awaitCancelled(ReversalRequest request, QfpaySession session) {
        Deadline budget = session.deadline().within(config.pollBudget());
        Duration delay = config.pollInitialDelay();
        while (budget.allows(delay)) {
            pause.pause(delay);
            try {
                PaymentRow row = lookup.find(request, session).row();
                if (row != null && row.isCancelled()) {
                    return row;
                }
            } catch (QfpayUnavailableException e) {
                LOG.debugf("poll query for %s failed, will retry: %s", request.displayId(), e.getMessage());
            }
            delay = min(delay.multipliedBy(2), config.pollMaxDelay());
        }
        return null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
