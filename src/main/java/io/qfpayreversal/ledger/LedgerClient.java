package io.qfpayreversal.ledger;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.AwsEnvironment;
import io.qfpayreversal.credentials.LambdaAwsCredentials;
import io.qfpayreversal.error.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SDK's own DynamoDB client for the ledger, one per container, built on first use or by the
 * start-up prefetch on a background thread (building it loads the SDK's DynamoDB model and endpoint
 * rules: docs/performance.md). It is held by this bean, never in a static field: a native image
 * initialises application classes at build time. Region from {@code AWS_REGION}, endpoint from
 * {@code AWS_ENDPOINT_URL_DYNAMODB} else {@code AWS_ENDPOINT_URL} (moto in tests), credentials
 * as SSM gets them ({@link LambdaAwsCredentials}), the url-connection HTTP client, the SDK's
 * standard retries (three attempts); every call is bounded by the invocation's deadline.
 */
@ApplicationScoped
public class LedgerClient {

    private final AwsEnvironment aws;
    private final AwsCredentialsProvider credentials;
    private final QfpayConfig config;
    private volatile DynamoDbClient client;

    @Inject
    LedgerClient(AwsEnvironment aws, LambdaAwsCredentials credentials, QfpayConfig config) {
        this(aws, (AwsCredentialsProvider) credentials, config);
    }

    /** With other AWS credentials (tests). */
    LedgerClient(AwsEnvironment aws, AwsCredentialsProvider credentials, QfpayConfig config) {
        this.aws = aws;
        this.credentials = credentials;
        this.config = config;
    }

    DynamoDbClient get() {
        DynamoDbClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                built = client;
            }
        }
        return built;
    }

    /** Builds the client now (the start-up prefetch); sends nothing. */
    public void prime() {
        get();
    }

    private DynamoDbClient build() {
        String region = aws.region().map(String::trim).filter(r -> !r.isEmpty()).orElseThrow(
                () -> new ConfigurationException("AWS_REGION is not set: the cancel ledger's region cannot be chosen"));
        var builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.ledger().attemptTimeout())
                        .socketTimeout(config.ledger().attemptTimeout())
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()));
        endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private Optional<URI> endpoint() {
        if (aws.ignoreConfiguredEndpointUrls().orElse(false)) {
            return Optional.empty();
        }
        return aws.endpointUrlDynamodb().or(aws::endpointUrl).map(String::trim).filter(v -> !v.isEmpty())
                .map(URI::create);
    }

    @PreDestroy
    void close() {
        DynamoDbClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
