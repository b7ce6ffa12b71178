package io.qfpayreversal.qfpay;

/** Waits, if it must, before each QFPay call; the sweep uses one to keep under QFPay's rate limit. */
@FunctionalInterface
public interface Throttle {

    Throttle NONE = () -> {
    };

    void acquire();
}
