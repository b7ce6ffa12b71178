package io.qfpayreversal.ledger;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.AwsEnvironment;
import io.qfpayreversal.credentials.LambdaAwsCredentials;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The SDK's own DynamoDB client for the ledger, one per container, built on first use or by the
 * start-up prefetch on a background thread (building it loads the SDK's DynamoDB model and endpoint
 * rules: docs/performance.md). It is held by this bean, never in a static field: a native image
 * initialises application classes at build time. Region and endpoint from {@link LedgerEndpoint}
 * (moto in tests), credentials
 * as SSM gets them ({@link LambdaAwsCredentials}), the url-connection HTTP client, the SDK's
 * standard retries (three attempts); every call is bounded by the invocation's deadline.
 */
@ApplicationScoped
public class LedgerClient {

    /** A priming call's bound on loopback: the answer is immediate, or priming gives up. */
    private static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(5);

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

    /**
     * Loads and runs the path of the ledger's three calls (the SDK's client pipeline, DynamoDB's
     * model and AWS's service metadata, marshalling, SigV4, the HTTP client, the answer's parsing)
     * through a throwaway client with throwaway credentials against {@code loopback}, which answers
     * each with DynamoDB's empty answer: nothing reaches DynamoDB, and the container's own client is
     * then built in milliseconds and makes its first call with its classes loaded. Needs no
     * configuration: it can run during Quarkus's static init ({@code startup/StaticInitPriming}).
     */
    public static void primeCallPath(URI loopback) {
        try (DynamoDbClient primer = builder(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("priming", "priming")), new LedgerEndpoint(loopback, Region.US_EAST_1),
                PRIMING_TIMEOUT).build()) {
            Map<String, AttributeValue> key = LedgerItems.key("-", "0");
            primer.putItem(b -> b.tableName("priming").item(key).conditionExpression("attribute_not_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", LedgerItems.SYSSN))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            primer.getItem(b -> b.tableName("priming").key(key).consistentRead(true));
            primer.updateItem(b -> b.tableName("priming").key(key).updateExpression("SET #s = :v")
                    .expressionAttributeNames(Map.of("#s", LedgerItems.SETTLED_AS))
                    .expressionAttributeValues(Map.of(":v", LedgerItems.s("priming"))));
        }
    }

    private DynamoDbClient build() {
        return builder(credentials, LedgerEndpoint.of(aws), config.ledger().attemptTimeout()).build();
    }

    private static DynamoDbClientBuilder builder(AwsCredentialsProvider with, LedgerEndpoint endpoint,
            Duration attemptTimeout) {
        return DynamoDbClient.builder()
                .region(endpoint.region())
                .endpointProvider(endpoint.provider())
                .credentialsProvider(with)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(attemptTimeout)
                        .socketTimeout(attemptTimeout)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()));
    }

    @PreDestroy
    void close() {
        DynamoDbClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
