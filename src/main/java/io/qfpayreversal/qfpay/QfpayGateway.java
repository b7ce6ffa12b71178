package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.config.QfpayConfig.CloseMethod;
import io.qfpayreversal.credentials.Credentials;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.metrics.InvocationMetrics;
import io.qfpayreversal.qfpay.RetryPolicy.Decision;
import io.qfpayreversal.qfpay.RetryPolicy.Fault;
import io.qfpayreversal.time.Jitter;
import io.qfpayreversal.time.Pause;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Every QFPay call goes through here: add the merchant id, sign, send, classify what went wrong,
 * resend what {@link RetryPolicy} allows within the deadline, and reload rotated credentials once
 * when QFPay rejects the signature. Queries that still fail become {@link QfpayUnavailableException};
 * a cancel that still fails comes back as an answer with an unknown outcome, for the caller to
 * query before it decides anything.
 */
@ApplicationScoped
public class QfpayGateway {

    private static final Logger LOG = Logger.getLogger(QfpayGateway.class);
    private static final String QUERY = "query";

    private final QfpayApi api;
    private final ResponseWait responses;
    private final QfpayConfig config;
    private final ObjectMapper mapper;
    private final Pause pause;
    private final Jitter jitter;
    private final Duration callLimit;
    private final InvocationMetrics metrics;

    QfpayGateway(QfpayApi api, ResponseWait responses, QfpayConfig config, ObjectMapper mapper, Pause pause,
            Jitter jitter, InvocationMetrics metrics) {
        this.api = api;
        this.metrics = metrics;
        this.responses = responses;
        this.config = config;
        this.mapper = mapper;
        this.pause = pause;
        this.jitter = jitter;
        // The longest a call may take; a call gets less when the deadline is nearer.
        this.callLimit = config.connectTimeout().plus(config.readTimeout()).plusSeconds(1);
    }

    public QueryAnswer query(WireParams params, QfpaySession session) {
        try {
            return QueryAnswer.from(withRetries(QUERY, false, params, session));
        } catch (CallFailure failure) {
            boolean timedOut = failure.fault().isTimeout();
            throw new QfpayUnavailableException("QFPay query failed after retries" + (timedOut ? " (timed out)" : "")
                    + ": " + failure.getMessage(), timedOut);
        }
    }

    public CancelAnswer cancel(CancelOperation operation, WireParams params, QfpaySession session) {
        boolean get = operation == CancelOperation.CLOSE && config.closeMethod() == CloseMethod.GET;
        try {
            return CancelAnswer.from(operation, withRetries(operation.wireName(), get, params, session));
        } catch (CallFailure failure) {
            return CancelAnswer.unknown(operation, failure.fault(), failure.getMessage());
        }
    }

    private JsonNode withRetries(String operation, boolean get, WireParams params, QfpaySession session) {
        boolean cancel = !QUERY.equals(operation);
        for (int attempt = 1; ; attempt++) {
            try {
                return signedExchange(operation, get, params, session, attempt);
            } catch (CallFailure failure) {
                Duration wait = RetryPolicy.delay(attempt, config.retryBaseDelay(), config.retryMaxDelay(),
                        failure.retryAfter(), jitter.next());
                Decision decision = RetryPolicy.shouldRetry(cancel, failure.fault(), attempt, config.maxAttempts());
                if (decision != Decision.RESEND || !session.deadline().allowsCallAfter(wait)) {
                    throw failure;
                }
                pause.pause(wait);
            }
        }
    }

    private JsonNode signedExchange(String operation, boolean get, WireParams params, QfpaySession session,
            int attempt) {
        Credentials used = session.credentials().current();
        JsonNode body = send(operation, get, params, used, session, attempt);
        while (RespcdMeaning.of(LenientJson.respcd(body), null) == RespcdMeaning.BAD_SIGNATURE) {
            used = session.credentials().replaceRejected(used); // throws once no further reload is allowed
            body = send(operation, get, params, used, session, attempt);
        }
        return body;
    }

    private JsonNode send(String operation, boolean get, WireParams params, Credentials credentials,
            QfpaySession session, int attempt) {
        SortedMap<String, String> sent = new TreeMap<>(params.sorted());
        if (!sent.containsKey("mchid") && credentials.mchid() != null && !credentials.mchid().isEmpty()) {
            sent.put("mchid", credentials.mchid());
        }
        SignType signType = config.signType();
        String sign = QfpaySigner.sign(sent, credentials.clientKey(), signType);
        String signTypeHeader = signType == SignType.MD5 ? null : signType.name();
        session.throttle().acquire();
        // Asked after the throttle's wait, so the wait counts against the deadline too.
        Duration timeout = session.deadline().callTimeout(callLimit).orElseThrow(() -> new CallFailure(
                Fault.NO_TIME, "not started: too little time left before the deadline"));
        long started = System.nanoTime();
        Uni<Response> call;
        if (get) {
            call = api.get(operation, credentials.appCode(), sign, signTypeHeader, sent);
        } else {
            var form = new MultivaluedHashMap<String, String>();
            sent.forEach(form::add);
            call = api.post(operation, credentials.appCode(), sign, signTypeHeader, form);
        }
        CallLog log = new CallLog(operation, attempt, started, metrics);
        try (Response response = await(call, timeout)) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return log.answered(response.getStatus(), read(operation, response, text));
        } catch (CallFailure failure) {
            throw log.failed(failure);
        } catch (RuntimeException e) {
            throw log.failed(new CallFailure(classify(e), describe(e)));
        }
    }

    private Response await(Uni<Response> call, Duration timeout) {
        try {
            return responses.await(call, timeout);
        } catch (RuntimeException e) {
            throw new CallFailure(classify(e), describe(e));
        }
    }

    /** The answer's JSON, or the fault when it is not a usable QFPay answer. */
    private JsonNode read(String operation, Response response, String text) {
        int status = response.getStatus();
        if (status == 429) {
            throw new CallFailure(Fault.RATE_LIMITED, "HTTP 429",
                    RetryAfter.parse(response.getHeaderString("Retry-After")));
        }
        if (status >= 500) {
            throw new CallFailure(Fault.SERVER_ERROR, "HTTP " + status);
        }
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            body = null;
        }
        String respcd = body == null || !body.isObject() ? null : LenientJson.respcd(body);
        if (respcd == null) {
            throw new CallFailure(Fault.UNREADABLE, "unreadable answer (HTTP " + status + ", " + text.length()
                    + " characters)");
        }
        RespcdMeaning meaning = RespcdMeaning.of(respcd, QUERY.equals(operation) ? null : cancelOperation(operation));
        boolean busy = meaning == RespcdMeaning.BUSY || (QUERY.equals(operation) && meaning == RespcdMeaning.PROCESSING);
        if (busy) {
            throw new CallFailure(Fault.BUSY, "busy (respcd " + respcd + ")");
        }
        return body;
    }

    private static CancelOperation cancelOperation(String operation) {
        return CancelOperation.CLOSE.wireName().equals(operation) ? CancelOperation.CLOSE : CancelOperation.REVERSAL;
    }

    /** Whether the request can have reached QFPay decides whether it may be resent. */
    private static Fault classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof java.net.ConnectException || name.equals("ConnectTimeoutException")
                    || t instanceof java.net.UnknownHostException) {
                return Fault.NOT_SENT;
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || name.contains("Timeout")) {
                return Fault.TIMED_OUT;
            }
        }
        return Fault.CONNECTION_LOST;
    }

    /** The root cause's type and message: transport errors never carry request content. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** One log line per QFPay call: operation, attempt, HTTP status, respcd or fault, latency. */
    private record CallLog(String operation, int attempt, long startedNanos, InvocationMetrics metrics) {

        JsonNode answered(int status, JsonNode body) {
            String respcd = LenientJson.respcd(body);
            long millis = millis();
            metrics.qfpayCall(operation, attempt, millis, null);
            LogFields.with(LogFields.of("qfpay_operation", operation, "attempt", attempt, "http_status", status,
                    "respcd", respcd, "latency_ms", millis), () -> LOG.infof(
                    "qfpay call operation=%s attempt=%d http=%d respcd=%s latency_ms=%d", operation, attempt,
                    status, respcd, millis));
            return body;
        }

        CallFailure failed(CallFailure failure) {
            long millis = millis();
            metrics.qfpayCall(operation, attempt, millis, failure.fault().name());
            LogFields.with(LogFields.of("qfpay_operation", operation, "attempt", attempt, "fault", failure.fault(),
                    "latency_ms", millis), () -> LOG.warnf(
                    "qfpay call operation=%s attempt=%d fault=%s detail=%s latency_ms=%d", operation, attempt,
                    failure.fault(), failure.getMessage(), millis));
            return failure;
        }

        private long millis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }
}
