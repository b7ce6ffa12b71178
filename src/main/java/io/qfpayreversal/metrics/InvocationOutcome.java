package io.qfpayreversal.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.event.ProxyResponse;
import io.qfpayreversal.reversal.PaymentStatus;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.reversal.ReversalStatus;
import io.qfpayreversal.sweep.SweepSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one invocation came to, as a metric name: a {@code reverse} or {@code status} status, or an
 * error type. Each action has a fixed list of names (its statuses and the error types), so every
 * invocation writes each of them, 1 for what happened and 0 for the rest: the average of a name
 * over a period is then its rate.
 */
record InvocationOutcome(String action, String outcome) {

    static final String REVERSE = "reverse";
    static final String STATUS = "status";
    static final String SWEEP = "sweep";
    static final String NO_ACTION = "none";

    static final String INVALID_REQUEST = "InvalidRequest";
    static final String QFPAY_UNAVAILABLE = "QfpayUnavailable";
    static final String CONFIGURATION_ERROR = "ConfigurationError";
    static final String INTERNAL_ERROR = "InternalError";
    static final List<String> ERRORS = List.of(INVALID_REQUEST, QFPAY_UNAVAILABLE, CONFIGURATION_ERROR, INTERNAL_ERROR);

    /** The names an action writes, always the same for one action. */
    List<String> vocabulary() {
        List<String> names = new ArrayList<>();
        switch (action) {
            case REVERSE -> Arrays.stream(ReversalStatus.values()).map(Enum::name).forEach(names::add);
            case STATUS -> Arrays.stream(PaymentStatus.values()).map(Enum::name).forEach(names::add);
            default -> { }
        }
        names.addAll(ERRORS);
        return names;
    }

    /** An answer: a result, an API Gateway proxy response (its body says what happened), or a sweep summary. */
    static InvocationOutcome of(String action, Object answer, ObjectMapper json) {
        if (answer instanceof ReversalResult result) {
            return new InvocationOutcome(action, result.status());
        }
        if (answer instanceof SweepSummary) {
            return new InvocationOutcome(SWEEP, null);
        }
        if (answer instanceof ProxyResponse response) {
            return new InvocationOutcome(action, fromBody(response, json));
        }
        return new InvocationOutcome(action, null);
    }

    static InvocationOutcome failed(String action, RuntimeException error) {
        return new InvocationOutcome(action, errorName(error));
    }

    static String errorName(RuntimeException error) {
        if (error instanceof InvalidRequestException) {
            return INVALID_REQUEST;
        }
        if (error instanceof QfpayUnavailableException) {
            return QFPAY_UNAVAILABLE;
        }
        if (error instanceof ConfigurationException) {
            return CONFIGURATION_ERROR;
        }
        return INTERNAL_ERROR;
    }

    /** The {@code status} of a result body, or the error type of an error body (HttpAnswers' names). */
    private static String fromBody(ProxyResponse response, ObjectMapper json) {
        JsonNode body;
        try {
            body = json.readTree(response.body() == null ? "" : response.body());
        } catch (Exception e) {
            body = null;
        }
        if (body != null && body.path("status").isTextual()) {
            return body.path("status").textValue();
        }
        return switch (body == null ? "" : body.path("error").asText("")) {
            case "invalid_request", "not_found", "method_not_allowed" -> INVALID_REQUEST;
            case "qfpay_unavailable" -> QFPAY_UNAVAILABLE;
            case "configuration_error" -> CONFIGURATION_ERROR;
            default -> response.statusCode() >= 500 ? INTERNAL_ERROR : null;
        };
    }
}
