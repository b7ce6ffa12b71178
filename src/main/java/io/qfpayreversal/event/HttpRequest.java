package io.qfpayreversal.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An API Gateway request reduced to what routing needs, from either payload version. The body is
 * decoded from base64 when API Gateway encoded it; {@code null} when it could not be decoded.
 * {@code caller} is the ARN IAM authorisation put in the request context, {@code null} without one.
 */
record HttpRequest(String method, String path, Map<String, String> query, String body, boolean bodyUnreadable,
        String caller) {

    static HttpRequest fromRest(JsonNode event) {
        return of(event.path("httpMethod").asText(""), event.path("path").asText(""), event,
                text(event.path("requestContext").path("identity").path("userArn")));
    }

    static HttpRequest fromHttpApi(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        String path = event.hasNonNull("rawPath") ? event.get("rawPath").asText() : http.path("path").asText("");
        return of(http.path("method").asText(""), path, event,
                text(event.path("requestContext").path("authorizer").path("iam").path("userArn")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    private static HttpRequest of(String method, String path, JsonNode event, String caller) {
        Map<String, String> query = new HashMap<>();
        JsonNode params = event.path("queryStringParameters");
        if (params.isObject()) {
            params.fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode body = event.path("body");
        if (!body.isTextual()) {
            return new HttpRequest(method, path, query, null, false, caller);
        }
        if (!event.path("isBase64Encoded").asBoolean(false)) {
            return new HttpRequest(method, path, query, body.textValue(), false, caller);
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(body.textValue()), StandardCharsets.UTF_8);
            return new HttpRequest(method, path, query, decoded, false, caller);
        } catch (IllegalArgumentException e) {
            return new HttpRequest(method, path, query, null, true, caller);
        }
    }

    /** The last path segment: stage prefixes and custom-domain base paths come before it. */
    String resource() {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
