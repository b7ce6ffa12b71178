package io.qfpayreversal.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The AWS credentials SSM calls are signed with, where Lambda hands them over: the execution role's keys in
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} (on-demand and
 * provisioned environments), else the container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), which
 * is all a SnapStart environment gets. Only these two, not the SDK's whole chain (profile files,
 * instance metadata...), so a cold start pays for neither a search nor a time-out.
 *
 * <p>Nothing is resolved until SSM is called, and {@link #forget()} drops what the container provider
 * holds: no AWS credentials are kept in a SnapStart snapshot.
 */
@ApplicationScoped
public class LambdaAwsCredentials implements AwsCredentialsProvider {

    private final UnaryOperator<String> environment;
    private volatile ContainerCredentialsProvider container;

    @Inject
    LambdaAwsCredentials(AwsEnvironment aws) {
        this(variables(aws)::get);
    }

    LambdaAwsCredentials(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (present("AWS_ACCESS_KEY_ID")) {
            String key = environment.apply("AWS_ACCESS_KEY_ID").trim();
            if (!present("AWS_SECRET_ACCESS_KEY")) {
                throw SdkClientException.create("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
            }
            String secret = environment.apply("AWS_SECRET_ACCESS_KEY").trim();
            return present("AWS_SESSION_TOKEN")
                    ? AwsSessionCredentials.create(key, secret, environment.apply("AWS_SESSION_TOKEN").trim())
                    : AwsBasicCredentials.create(key, secret);
        }
        if (present("AWS_CONTAINER_CREDENTIALS_FULL_URI") || present("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            return container().resolveCredentials();
        }
        throw SdkClientException.create("No AWS credentials for SSM: neither AWS_ACCESS_KEY_ID nor "
                + "AWS_CONTAINER_CREDENTIALS_FULL_URI is set (Lambda sets one of them)");
    }

    /** Drops credentials fetched from the container endpoint; the next SSM call fetches them again. */
    public void forget() {
        ContainerCredentialsProvider held;
        synchronized (this) {
            held = container;
            container = null;
        }
        if (held != null) {
            held.close();
        }
    }

    private ContainerCredentialsProvider container() {
        ContainerCredentialsProvider provider = container;
        if (provider == null) {
            synchronized (this) {
                if (container == null) {
                    container = ContainerCredentialsProvider.builder().build();
                }
                provider = container;
            }
        }
        return provider;
    }

    private static Map<String, String> variables(AwsEnvironment aws) {
        Map<String, String> variables = new HashMap<>();
        aws.accessKeyId().ifPresent(v -> variables.put("AWS_ACCESS_KEY_ID", v));
        aws.secretAccessKey().ifPresent(v -> variables.put("AWS_SECRET_ACCESS_KEY", v));
        aws.sessionToken().ifPresent(v -> variables.put("AWS_SESSION_TOKEN", v));
        aws.containerCredentialsFullUri().ifPresent(v -> variables.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", v));
        aws.containerCredentialsRelativeUri()
                .ifPresent(v -> variables.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", v));
        return variables;
    }

    private boolean present(String variable) {
        String value = environment.apply(variable);
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "LambdaAwsCredentials";
    }
}
