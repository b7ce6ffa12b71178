package io.qfpayreversal.config;

import io.qfpayreversal.qfpay.SignType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the function in one place. Each key {@code qfpay.x-y} is also read from the
 * environment variable {@code QFPAY_X_Y}; docs/configuration.md lists them all (ConfigurationDocTest).
 */
@ConfigMapping(prefix = "qfpay")
public interface QfpayConfig {

    /** QFPay host, without a trailing path: {@code https}, or {@code http} to a loopback host only (tests, demo). */
    @WithDefault("https://test-openapi-hk.qfapi.com")
    String baseUrl();

    /** SSM path holding {@code app-code}, {@code client-key} and optionally {@code mchid}. */
    Optional<String> ssmPath();

    /** App code given directly; used only when {@link #ssmPath()} is unset. */
    Optional<String> appCode();

    /** Client key given directly; used only when {@link #ssmPath()} is unset. */
    Optional<String> clientKey();

    /** Merchant id sent with every call unless the input names one. */
    Optional<String> mchid();

    /**
     * Merchant ids an input's {@code mchid} may name besides the configured one (an agent's
     * sub-merchants), or {@code *} for any. Unset: only the configured one.
     */
    Optional<List<String>> allowedMchids();

    /**
     * Per API caller, the merchant ids its {@code mchid} may name, replacing {@link #allowedMchids()}
     * for API requests: {@code <caller ARN>=<mchid>[,<mchid>…]} entries separated by {@code ;}, the
     * list may be {@code *}. An assumed-role entry ({@code arn:aws:sts::<account>:assumed-role/<role>})
     * covers each of the role's sessions.
     */
    Optional<String> callerMchids();

    /**
     * After QFPay rejects a signature (1108), the credentials are reloaded from SSM at most once in
     * this interval per container; {@code 0s} allows one reload per invocation.
     */
    @WithDefault("1m")
    Duration credentialsReloadInterval();

    @WithDefault("MD5")
    SignType signType();

    /** HTTP method of {@code /trade/v1/close}: {@code GET} (current docs) or {@code POST}. */
    @WithDefault("GET")
    CloseMethod closeMethod();

    /** Zone of {@code txdtm} and of the sweep's windows. */
    @WithDefault("Asia/Hong_Kong")
    ZoneId timeZone();

    /**
     * Load the credentials and build the clients on a background thread at start-up, while the
     * runtime polls for the first event (see docs/performance.md).
     */
    @WithDefault("true")
    boolean prefetchAtStartup();

    /**
     * How long an invocation waits for a credentials load started at start-up (or after a SnapStart
     * restore) before it loads them itself.
     */
    @WithDefault("2s")
    Duration credentialsPrefetchWait();

    /**
     * The SSM load of the credentials, retries included: at most this long, and never past the
     * invocation's deadline.
     */
    @WithDefault("8s")
    Duration ssmCallTimeout();

    /** One SSM attempt (connect, send, read the answer); the SDK's standard strategy makes three. */
    @WithDefault("3s")
    Duration ssmAttemptTimeout();

    @WithDefault("2s")
    Duration ssmConnectTimeout();

    @WithDefault("3s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    /**
     * The shortest time-out worth giving a QFPay call: with less time left before the deadline, no
     * call is started and the function answers with what it knows.
     */
    @WithDefault("1s")
    Duration minCallTimeout();

    /** Pages of 100 rows read per month when a payment is looked up by {@code out_trade_no}. */
    @WithDefault("10")
    int lookupMaxPages();

    /** Attempts per QFPay call (queries, and cancels whose outcome had to be queried). */
    @WithDefault("4")
    int maxAttempts();

    /** First backoff ceiling between attempts; doubles each time, with full jitter. */
    @WithDefault("200ms")
    Duration retryBaseDelay();

    @WithDefault("2s")
    Duration retryMaxDelay();

    /** Query once more after QFPay confirms a cancel, to catch a customer who paid meanwhile. */
    @WithDefault("true")
    boolean confirmAfterCancel();

    /**
     * How long to keep querying a payment whose cancel is not settled yet (processing
     * 1143/1145/1298, duplicate 1102, or an answer the payment's row contradicts).
     */
    @WithDefault("20s")
    Duration pollBudget();

    @WithDefault("500ms")
    Duration pollInitialDelay();

    @WithDefault("4s")
    Duration pollMaxDelay();

    /** Time kept free before the Lambda deadline so the function can always answer. */
    @WithDefault("2s")
    Duration deadlineMargin();

    /** Time to answer when the runtime reports no deadline (local runs, the test event server). */
    @WithDefault("30s")
    Duration unknownDeadlineTimeout();

    /** Pay types cancelled with {@code /trade/v1/reversal}. */
    @WithDefault("800101,801501,800201,800108")
    List<String> reversalPayTypes();

    /** Pay types cancelled with {@code /trade/v1/close}. */
    @WithDefault("800008,800208,801008")
    List<String> closePayTypes();

    /** The scheduled sweep of stale pending payments. */
    Sweep sweep();

    /** The cancel ledger: every cancel recorded before it is sent (docs/failure-handling.md). */
    Ledger ledger();

    enum CloseMethod { GET, POST }

    interface Ledger {

        /**
         * The DynamoDB table of cancels in flight (the template sets it). Unset: no cancel is sent and
         * no refund advised, since neither can be checked against the other environments' cancels.
         */
        Optional<String> table();

        /**
         * How long after it was sent a cancel may still apply. QFPay advises querying an
         * undetermined payment for about 2 minutes; its cancels settle the same way, and this
         * function polls one for 20 s at most. Ten minutes covers both several times over and
         * matches the example workflow's 20 status calls 30 s apart (docs/configuration.md).
         */
        @WithDefault("10m")
        Duration settleWindow();

        /** How long an entry is kept (DynamoDB TTL) after its settle window, for audits. */
        @WithDefault("7d")
        Duration keepFor();

        /** One ledger call, the SDK's retries included; never past the invocation's deadline. */
        @WithDefault("3s")
        Duration callTimeout();

        /** One attempt of a ledger call. */
        @WithDefault("1s")
        Duration attemptTimeout();
    }

    interface Sweep {

        /** Whether this function runs sweeps at all (the template's sweep function sets it). */
        @WithDefault("false")
        boolean enabled();

        /** Only payments undetermined for longer than this are cancelled. */
        @WithDefault("10m")
        Duration olderThan();

        /** How far back the sweep looks. */
        @WithDefault("24h")
        Duration lookback();

        /** At most this many cancels per run. */
        @WithDefault("200")
        int maxCancellations();

        /** Payments cancelled at the same time. */
        @WithDefault("4")
        int concurrency();

        /** QFPay calls per minute, counting every call (QFPay allows 400 per merchant). */
        @WithDefault("300")
        int ratePerMinute();

        /**
         * The time one candidate may take (query, cancel, confirming query, some polling): an item
         * is started only when this much is left, and is given no more.
         */
        @WithDefault("20s")
        Duration itemBudget();

        /** Items listed in the answer; the counts stay exact beyond it. */
        @WithDefault("500")
        int maxItems();
    }
}
