package io.qfpayreversal.ledger;

import io.qfpayreversal.credentials.AwsEnvironment;
import io.qfpayreversal.error.ConfigurationException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * Where the ledger's DynamoDB is and which region signs for it, decided once, like SSM's: the region
 * from {@code AWS_REGION}; the endpoint from {@code AWS_ENDPOINT_URL_DYNAMODB}, else
 * {@code AWS_ENDPOINT_URL} (both ignored with {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}), else
 * the region's own {@code https://dynamodb.<region>.<partition's DNS suffix>}. Given to the SDK as
 * its endpoint provider, so a client neither loads nor evaluates DynamoDB's endpoint rules (account-id
 * endpoints, FIPS, dual-stack: not used here) on the first invocation's path.
 */
record LedgerEndpoint(URI uri, Region region) {

    static LedgerEndpoint of(AwsEnvironment aws) {
        String region = aws.region().map(String::trim).filter(r -> !r.isEmpty()).orElseThrow(
                () -> new ConfigurationException("AWS_REGION is not set: the cancel ledger's region cannot be chosen"));
        if (aws.useFipsEndpoint().orElse(false) || aws.useDualstackEndpoint().orElse(false)) {
            throw new ConfigurationException("AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT are not supported:"
                    + " set AWS_ENDPOINT_URL_DYNAMODB to the cancel ledger's endpoint instead");
        }
        Optional<String> override = aws.ignoreConfiguredEndpointUrls().orElse(false) ? Optional.empty()
                : aws.endpointUrlDynamodb().or(aws::endpointUrl).map(String::trim).filter(v -> !v.isEmpty());
        URI uri = override.map(LedgerEndpoint::url).orElseGet(() -> URI.create("https://dynamodb." + region + "."
                + PartitionMetadata.of(Region.of(region)).dnsSuffix()));
        return new LedgerEndpoint(uri, Region.of(region));
    }

    DynamoDbEndpointProvider provider() {
        Endpoint endpoint = Endpoint.builder().url(uri).build();
        return params -> CompletableFuture.completedFuture(endpoint);
    }

    private static URI url(String value) {
        try {
            URI uri = URI.create(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new ConfigurationException("AWS_ENDPOINT_URL_DYNAMODB (or AWS_ENDPOINT_URL) is not an http(s) URL");
    }
}
