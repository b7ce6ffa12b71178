package io.qfpayreversal.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** An API Gateway proxy response; the same shape serves REST (1.0) and HTTP API (2.0). */
@RegisterForReflection
public record ProxyResponse(
        int statusCode,
        Map<String, String> headers,
        String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
}
