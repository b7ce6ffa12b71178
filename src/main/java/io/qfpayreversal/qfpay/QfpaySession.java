package io.qfpayreversal.qfpay;

import io.qfpayreversal.credentials.CredentialsSession;
import io.qfpayreversal.time.Deadline;

/**
 * What one invocation's QFPay calls share: its credentials (one reload at most), its deadline (no
 * retry starts that could not finish before it) and, in a sweep, a throttle.
 */
public record QfpaySession(CredentialsSession credentials, Throttle throttle, Deadline deadline) {

    public static QfpaySession of(CredentialsSession credentials, Deadline deadline) {
        return new QfpaySession(credentials, Throttle.NONE, deadline);
    }

    /** The same session with no more than {@code budget} from now. */
    public QfpaySession within(java.time.Duration budget) {
        return new QfpaySession(credentials, throttle, deadline.within(budget));
    }
}
