package io.qfpayreversal.credentials;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * What Lambda tells the function about AWS, in its own variable names ({@code aws.region} is
 * {@code AWS_REGION}, {@code aws.endpoint-url-ssm} is {@code AWS_ENDPOINT_URL_SSM}…): the region,
 * the execution role's credentials or the container endpoint that serves them (SnapStart), and the
 * SDK's standard endpoint overrides (moto in tests, a VPC endpoint or FIPS in production).
 */
@ConfigMapping(prefix = "aws")
public interface AwsEnvironment {

    Optional<String> region();

    /** {@code AWS_ENDPOINT_URL_SSM}: SSM's endpoint, instead of the region's public one. */
    Optional<String> endpointUrlSsm();

    /** {@code AWS_ENDPOINT_URL_DYNAMODB}: the cancel ledger's endpoint, instead of the region's public one. */
    Optional<String> endpointUrlDynamodb();

    /** {@code AWS_ENDPOINT_URL}: every service's endpoint (the SDK's global override). */
    Optional<String> endpointUrl();

    /** {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}: the two endpoint overrides are ignored. */
    Optional<Boolean> ignoreConfiguredEndpointUrls();

    /** {@code AWS_USE_FIPS_ENDPOINT}: not supported; refused, never silently ignored. */
    Optional<Boolean> useFipsEndpoint();

    /** {@code AWS_USE_DUALSTACK_ENDPOINT}: not supported; refused, never silently ignored. */
    Optional<Boolean> useDualstackEndpoint();

    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    Optional<String> sessionToken();

    Optional<String> containerCredentialsFullUri();

    Optional<String> containerCredentialsRelativeUri();
}
