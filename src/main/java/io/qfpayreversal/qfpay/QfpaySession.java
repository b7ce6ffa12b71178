package io.qfpayreversal.qfpay;

import io.qfpayreversal.credentials.CredentialsSession;

/** What one invocation's QFPay calls share: its credentials and, in a sweep, a throttle. */
public record QfpaySession(CredentialsSession credentials, Throttle throttle) {

    public static QfpaySession of(CredentialsSession credentials) {
        return new QfpaySession(credentials, Throttle.NONE);
    }
}
