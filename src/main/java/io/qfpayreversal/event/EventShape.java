package io.qfpayreversal.event;

import com.fasterxml.jackson.databind.JsonNode;

/** The one place that tells what invoked the function from the event's shape. */
public enum EventShape {
    /** API Gateway REST API (payload 1.0): {@code httpMethod} and {@code requestContext}. */
    API_GATEWAY_REST,
    /** API Gateway HTTP API (payload 2.0): {@code version} "2.0" and {@code requestContext.http}. */
    API_GATEWAY_HTTP,
    /** EventBridge rule or EventBridge Scheduler: {@code detail-type} "Scheduled Event". */
    SCHEDULED,
    /** Anything else is a direct invocation whose event is the request itself. */
    DIRECT;

    public static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return DIRECT;
        }
        if (event.hasNonNull("httpMethod") && event.has("requestContext")) {
            return API_GATEWAY_REST;
        }
        if ("2.0".equals(event.path("version").asText()) && event.path("requestContext").has("http")) {
            return API_GATEWAY_HTTP;
        }
        if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            return SCHEDULED;
        }
        return DIRECT;
    }
}
