package io.qfpayreversal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.testing.ContainerCredentialsEndpoint;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The AWS credentials SSM calls are signed with, in the two environments Lambda provides. */
class LambdaAwsCredentialsTest {

    @AfterEach
    void clearSdkSettings() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
    }

    @Test
    void keyVariables_areUsed_withTheSessionToken() {
        LambdaAwsCredentials provider = new LambdaAwsCredentials(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "session",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/never")::get);

        AwsCredentials credentials = provider.resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("session");
    }

    @Test
    void containerEndpointOnly_asUnderSnapStart_isAskedWithTheToken_andAgainAfterForget() throws Exception {
        try (ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint("ASIAEXAMPLE", "secret")) {
            // Where the SDK's container provider reads them: the variables, or these system properties.
            System.setProperty("aws.containerCredentialsFullUri", endpoint.uri());
            System.setProperty("aws.containerAuthorizationToken", ContainerCredentialsEndpoint.TOKEN);
            LambdaAwsCredentials provider = new LambdaAwsCredentials(Map.of(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.uri(),
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN", ContainerCredentialsEndpoint.TOKEN)::get);

            assertThat(endpoint.authorizations()).as("nothing fetched before SSM asks").isEmpty();
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAEXAMPLE");
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAEXAMPLE");
            assertThat(endpoint.authorizations()).containsExactly(ContainerCredentialsEndpoint.TOKEN);

            provider.forget();
            provider.resolveCredentials();

            assertThat(endpoint.authorizations()).hasSize(2);
        }
    }

    @Test
    void neither_failsSayingWhatIsMissing() {
        LambdaAwsCredentials provider = new LambdaAwsCredentials(Map.<String, String>of()::get);

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
