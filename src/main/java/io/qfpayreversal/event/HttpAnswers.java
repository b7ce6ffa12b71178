package io.qfpayreversal.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.reversal.ReversalResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The one mapping from outcomes and errors to HTTP status codes and bodies (docs/contract.md). */
@ApplicationScoped
public class HttpAnswers {

    private static final Logger LOG = Logger.getLogger(HttpAnswers.class);

    private static final Map<String, Integer> STATUS_BY_OUTCOME = Map.ofEntries(
            Map.entry("REVERSED", 200),
            Map.entry("CLOSED", 200),
            Map.entry("PROCESSING", 202),
            Map.entry("REFUND_REQUIRED", 409),
            Map.entry("NOT_FOUND", 404),
            Map.entry("REJECTED", 422),
            // status: a cancel recorded in the ledger may still apply; ask again (never refund).
            Map.entry("CANCELLING", 202));

    private final ObjectMapper json;

    HttpAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** A {@code reverse} or {@code status} result: statuses other than those above answer 200. */
    ProxyResponse result(ReversalResult result, String requestId) {
        return respond(STATUS_BY_OUTCOME.getOrDefault(result.status(), 200), result, requestId);
    }

    ProxyResponse error(RuntimeException e, String requestId) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid(invalid.getMessage(), invalid.violations(), requestId);
        }
        if (e instanceof QfpayUnavailableException unavailable) {
            return respond(unavailable.isTimeout() ? 504 : 503, new ErrorBody("qfpay_unavailable",
                    "QFPay or the cancel ledger did not answer usefully; nothing was confirmed. Retrying later is safe.", null, true),
                    requestId);
        }
        if (e instanceof ConfigurationException) {
            return respond(500, new ErrorBody("configuration_error",
                    "The function's QFPay credentials are not usable; operators can find the cause in its logs.",
                    null, false), requestId);
        }
        LOG.errorf(e, "unexpected failure answering an API request");
        return respond(500, new ErrorBody("internal_error",
                "Unexpected error; quote the X-Request-Id header to support.", null, false), requestId);
    }

    ProxyResponse invalid(String message, List<Violation> violations, String requestId) {
        return respond(400, new ErrorBody("invalid_request", message, violations, false), requestId);
    }

    ProxyResponse notFound(String requestId) {
        return respond(404, new ErrorBody("not_found",
                "No such route: use POST .../reversals or GET .../transactions", null, false), requestId);
    }

    ProxyResponse methodNotAllowed(String allowed, String requestId) {
        ProxyResponse response = respond(405, new ErrorBody("method_not_allowed",
                "This route takes " + allowed, null, false), requestId);
        response.headers().put("Allow", allowed);
        return response;
    }

    private ProxyResponse respond(int status, Object body, String requestId) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Request-Id", requestId);
        try {
            return new ProxyResponse(status, headers, json.writeValueAsString(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer", e);
        }
    }
}
