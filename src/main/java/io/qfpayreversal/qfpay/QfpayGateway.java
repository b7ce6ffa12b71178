package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.config.QfpayConfig.CloseMethod;
import io.qfpayreversal.credentials.Credentials;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Every QFPay call goes through here: add the merchant id, sign, send, turn transport failures
 * into {@link QfpayUnavailableException}, parse the answer, and reload rotated credentials once
 * when QFPay rejects the signature.
 */
@ApplicationScoped
public class QfpayGateway {

    private static final Logger LOG = Logger.getLogger(QfpayGateway.class);
    private static final String QUERY = "query";

    private final QfpayApi api;
    private final QfpayConfig config;
    private final ObjectMapper mapper;
    private final Duration callLimit;

    QfpayGateway(QfpayApi api, QfpayConfig config, ObjectMapper mapper) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        // The client's own time-outs fire first; this only guards against a hung pipeline.
        this.callLimit = config.connectTimeout().plus(config.readTimeout()).plusSeconds(1);
    }

    public QueryAnswer query(WireParams params, QfpaySession session) {
        return QueryAnswer.from(exchange(QUERY, false, params, session));
    }

    public CancelAnswer cancel(CancelOperation operation, WireParams params, QfpaySession session) {
        boolean get = operation == CancelOperation.CLOSE && config.closeMethod() == CloseMethod.GET;
        return CancelAnswer.from(operation, exchange(operation.wireName(), get, params, session));
    }

    private JsonNode exchange(String operation, boolean get, WireParams params, QfpaySession session) {
        Credentials used = session.credentials().current();
        session.throttle().acquire();
        JsonNode body = send(operation, get, params, used);
        while (RespcdMeaning.of(LenientJson.text(body, "respcd"), null) == RespcdMeaning.BAD_SIGNATURE) {
            used = session.credentials().replaceRejected(used); // throws once no further reload is allowed
            session.throttle().acquire();
            body = send(operation, get, params, used);
        }
        return body;
    }

    private JsonNode send(String operation, boolean get, WireParams params, Credentials credentials) {
        SortedMap<String, String> sent = new TreeMap<>(params.sorted());
        if (!sent.containsKey("mchid") && credentials.mchid() != null && !credentials.mchid().isEmpty()) {
            sent.put("mchid", credentials.mchid());
        }
        SignType signType = config.signType();
        String sign = QfpaySigner.sign(sent, credentials.clientKey(), signType);
        String signTypeHeader = signType == SignType.MD5 ? null : signType.name();
        long started = System.nanoTime();
        Uni<Response> call;
        if (get) {
            call = api.get(operation, credentials.appCode(), sign, signTypeHeader, sent);
        } else {
            var form = new MultivaluedHashMap<String, String>();
            sent.forEach(form::add);
            call = api.post(operation, credentials.appCode(), sign, signTypeHeader, form);
        }
        try (Response response = awaitResponse(operation, call)) {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonNode body = parse(operation, status, text);
            LOG.infof("qfpay call operation=%s http=%d respcd=%s latency_ms=%d", operation, status,
                    LenientJson.text(body, "respcd"), millis);
            return body;
        }
    }

    private Response awaitResponse(String operation, Uni<Response> call) {
        try {
            return call.await().atMost(callLimit);
        } catch (RuntimeException e) {
            boolean timeout = isTimeout(e);
            LOG.warnf("qfpay call operation=%s failed: %s", operation, describe(e));
            throw new QfpayUnavailableException("QFPay " + operation + " call failed"
                    + (timeout ? " (timed out)" : "") + ": " + describe(e), timeout);
        }
    }

    private JsonNode parse(String operation, int status, String text) {
        if (status == 429 || status >= 500) {
            throw new QfpayUnavailableException("QFPay " + operation + " answered HTTP " + status);
        }
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject() || LenientJson.text(body, "respcd") == null) {
            throw new QfpayUnavailableException("QFPay " + operation + " gave an unreadable answer (HTTP "
                    + status + ", " + text.length() + " characters)");
        }
        return body;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The root cause's type and message: transport errors never carry request content. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
