package io.qfpayreversal.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SSM error answer as the SDK's own exception, read as AWS's JSON 1.1 protocol reads it: the
 * code from the {@code x-amzn-ErrorType} header (up to a {@code :}), else from the body's
 * {@code __type} (after a {@code #}); the message from {@code message} or {@code Message}. The SDK's
 * retry strategy then decides from the code and status (throttling, 5xx) whether to try again.
 */
final class SsmErrors {

    private SsmErrors() {
    }

    static AwsServiceException of(SdkHttpResponse response, byte[] body, ObjectMapper json) {
        JsonNode error = parse(body, json);
        String code = response.firstMatchingHeader("x-amzn-ErrorType").map(type -> type.split(":", 2)[0])
                .filter(type -> !type.isBlank())
                .orElseGet(() -> {
                    String type = error.path("__type").asText("");
                    return type.substring(type.indexOf('#') + 1);
                });
        String message = error.path("message").asText(error.path("Message").asText(null));
        return AwsServiceException.builder().statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Ssm").sdkHttpResponse(response)
                        .errorCode(code.isBlank() ? null : code).errorMessage(message).build())
                .build();
    }

    private static JsonNode parse(byte[] body, ObjectMapper json) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
