package io.qfpayreversal.qfpay;

import java.time.Duration;

/** A QFPay call that got no usable answer; stays inside {@link QfpayGateway}. */
final class CallFailure extends RuntimeException {

    private final RetryPolicy.Fault fault;
    private final Duration retryAfter;

    CallFailure(RetryPolicy.Fault fault, String description, Duration retryAfter) {
        super(description, null, false, false);
        this.fault = fault;
        this.retryAfter = retryAfter;
    }

    CallFailure(RetryPolicy.Fault fault, String description) {
        this(fault, description, null);
    }

    RetryPolicy.Fault fault() {
        return fault;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
