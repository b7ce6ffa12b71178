package io.qfpayreversal.error;

/**
 * QFPay could not be reached or gave no usable answer (transport failure, timeout, HTTP 5xx/429,
 * unreadable body, or a busy code after the retry budget). Nothing was confirmed; retrying later is
 * safe because every reverse queries QFPay before it acts.
 */
public class QfpayUnavailableException extends RuntimeException {

    private final boolean timeout;

    public QfpayUnavailableException(String message, boolean timeout) {
        super(message, null, false, false);
        this.timeout = timeout;
    }

    public QfpayUnavailableException(String message) {
        this(message, false);
    }

    /** True when the failure was a time-out (API Gateway answers 504 rather than 503). */
    public boolean isTimeout() {
        return timeout;
    }
}
