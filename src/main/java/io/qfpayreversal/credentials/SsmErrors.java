package io.qfpayreversal.credentials;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * An SSM error answer as the SDK's own exception, read as AWS's JSON 1.1 protocol reads it: the
 * code from the {@code x-amzn-ErrorType} header (up to a {@code :}), else from the body's
 * {@code __type} (after a {@code #}); the message from {@code message} or {@code Message}. The SDK's
 * retry strategy then decides from the code and status (throttling, 5xx) whether to try again.
 */
final class SsmErrors {

    private SsmErrors() {
    }

    static AwsServiceException of(SdkHttpResponse response, byte[] body) {
        JsonNode error = SsmJson.error(body);
        String code = response.firstMatchingHeader("x-amzn-ErrorType").map(type -> type.split(":", 2)[0])
                .filter(type -> !type.isBlank())
                .orElseGet(() -> Optional.ofNullable(SsmJson.text(error, "__type"))
                        .map(type -> type.substring(type.indexOf('#') + 1)).orElse(""));
        String message = Optional.ofNullable(SsmJson.text(error, "message")).orElse(SsmJson.text(error, "Message"));
        return AwsServiceException.builder().statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Ssm").sdkHttpResponse(response)
                        .errorCode(code.isBlank() ? null : code).errorMessage(message).build())
                .build();
    }
}
