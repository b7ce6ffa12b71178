package io.qfpayreversal.simulator;

/** A fault the simulator injects into the next calls of one operation (see {@link QfpaySimulator#failNext}). */
public enum SimFault {
    /** The connection is closed without an answer; the request had no effect. */
    RESET,
    /** The request takes effect, but the answer comes after the client's read time-out. */
    TIMEOUT_APPLIED,
    HTTP_500,
    HTTP_502,
    HTTP_503,
    /** HTTP 429 with {@code Retry-After: 2}; no effect. */
    HTTP_429,
    /** An HTML error page with status 200. */
    HTML,
    /** Status 200 and an empty body. */
    EMPTY,
    /** Status 200 and JSON cut off in the middle. */
    TRUNCATED,
    /** {@code respcd} 1205 (busy); no effect. */
    BUSY
}
