package io.qfpayreversal.credentials;

import io.qfpayreversal.error.ConfigurationException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Where SSM is called and which region signs the call: the region always from {@code AWS_REGION}
 * (set by Lambda), never searched for; the endpoint from {@code AWS_ENDPOINT_URL_SSM}, else
 * {@code AWS_ENDPOINT_URL} (both ignored with {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}, as the
 * SDK documents), else the region's own ({@code https://ssm.<region>.<partition's DNS
 * suffix>}, the suffix from the SDK's partition table, without loading its service metadata).
 */
record SsmEndpoint(URI uri, String region) {

    static SsmEndpoint of(AwsEnvironment aws) {
        String region = aws.region().map(String::trim).filter(r -> !r.isEmpty()).orElseThrow(
                () -> new ConfigurationException("AWS_REGION is not set: the SSM region cannot be chosen"));
        if (!region.matches("[a-z]{2,8}(-[a-z0-9]+){2,3}")) {
            throw new ConfigurationException("AWS_REGION is not a region name (like ap-east-1)");
        }
        refuse(aws.useFipsEndpoint(), "AWS_USE_FIPS_ENDPOINT");
        refuse(aws.useDualstackEndpoint(), "AWS_USE_DUALSTACK_ENDPOINT");
        if (!aws.ignoreConfiguredEndpointUrls().orElse(false)) {
            if (present(aws.endpointUrlSsm())) {
                return new SsmEndpoint(override(aws.endpointUrlSsm().get(), "AWS_ENDPOINT_URL_SSM"), region);
            }
            if (present(aws.endpointUrl())) {
                return new SsmEndpoint(override(aws.endpointUrl().get(), "AWS_ENDPOINT_URL"), region);
            }
        }
        String dnsSuffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
        return new SsmEndpoint(URI.create("https://ssm." + region + "." + dnsSuffix), region);
    }

    private static URI override(String value, String variable) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(variable + " is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigurationException(variable + " is not an http(s) URL");
        }
        return uri;
    }

    /** A setting this function does not implement stops it, rather than being ignored. */
    private static void refuse(Optional<Boolean> setting, String variable) {
        if (setting.orElse(false)) {
            throw new ConfigurationException(variable + " is not supported: set AWS_ENDPOINT_URL_SSM to the SSM"
                    + " endpoint to use instead");
        }
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
