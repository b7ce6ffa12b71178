package io.qfpayreversal.credentials;

import io.qfpayreversal.error.ConfigurationException;
import java.net.URI;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Where SSM is called and which region signs the call: the region always from {@code AWS_REGION}
 * (set by Lambda), never searched for; the endpoint from {@code AWS_ENDPOINT_URL_SSM}, else
 * {@code AWS_ENDPOINT_URL}, else the region's own ({@code https://ssm.<region>.<partition's DNS
 * suffix>}, the suffix from the SDK's partition table, without loading its service metadata).
 */
record SsmEndpoint(URI uri, String region) {

    static SsmEndpoint of(AwsEnvironment aws) {
        String region = aws.region().map(String::trim).filter(r -> !r.isEmpty()).orElseThrow(
                () -> new ConfigurationException("AWS_REGION is not set: the SSM region cannot be chosen"));
        if (!region.matches("[a-z]{2}(-[a-z0-9]+){2,3}")) {
            throw new ConfigurationException("AWS_REGION is not a region name: " + region);
        }
        String override = aws.endpointUrlSsm().or(aws::endpointUrl).map(String::trim).filter(u -> !u.isEmpty())
                .orElse(null);
        if (override != null) {
            URI uri = URI.create(override);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigurationException("AWS_ENDPOINT_URL_SSM is not an http(s) URL");
            }
            return new SsmEndpoint(uri, region);
        }
        String dnsSuffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
        return new SsmEndpoint(URI.create("https://ssm." + region + "." + dnsSuffix), region);
    }
}
