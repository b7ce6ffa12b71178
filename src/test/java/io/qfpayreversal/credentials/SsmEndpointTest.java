package io.qfpayreversal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.error.ConfigurationException;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SSM's endpoint and signing region, from what Lambda sets; no search, no service metadata. */
class SsmEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "ap-east-1, https://ssm.ap-east-1.amazonaws.com",
            "us-east-1, https://ssm.us-east-1.amazonaws.com",
            "cn-north-1, https://ssm.cn-north-1.amazonaws.com.cn",
            "us-gov-west-1, https://ssm.us-gov-west-1.amazonaws.com",
            "eusc-de-east-1, https://ssm.eusc-de-east-1.amazonaws.eu"})
    void region_givesItsPartitionsEndpoint(String region, String endpoint) {
        SsmEndpoint ssm = SsmEndpoint.of(aws(Map.of("aws.region", region)));

        assertThat(ssm.uri()).hasToString(endpoint);
        assertThat(ssm.region()).isEqualTo(region);
    }

    @Test
    void ssmOverride_winsOverTheGlobalOne_andTheRegionStillSigns() {
        SsmEndpoint ssm = SsmEndpoint.of(aws(Map.of("aws.region", "ap-east-1",
                "aws.endpoint-url-ssm", "https://vpce-1.ssm.ap-east-1.vpce.amazonaws.com",
                "aws.endpoint-url", "http://127.0.0.1:4566")));

        assertThat(ssm.uri()).hasToString("https://vpce-1.ssm.ap-east-1.vpce.amazonaws.com");
        assertThat(ssm.region()).isEqualTo("ap-east-1");
    }

    @Test
    void overridesIgnored_asTheSdkDocuments_whenAwsIgnoreConfiguredEndpointUrls() {
        SsmEndpoint ssm = SsmEndpoint.of(aws(Map.of("aws.region", "ap-east-1",
                "aws.endpoint-url", "http://127.0.0.1:4566", "aws.ignore-configured-endpoint-urls", "true")));

        assertThat(ssm.uri()).hasToString("https://ssm.ap-east-1.amazonaws.com");
    }

    @Test
    void aBadGlobalOverride_isAConfigurationErrorNamingThatVariable() {
        assertThatThrownBy(() -> SsmEndpoint.of(aws(Map.of("aws.region", "ap-east-1", "aws.endpoint-url", "ht tp://x"))))
                .isInstanceOf(ConfigurationException.class).hasMessage("AWS_ENDPOINT_URL is not a URL");
    }

    @ParameterizedTest
    @CsvSource({"aws.use-fips-endpoint, AWS_USE_FIPS_ENDPOINT", "aws.use-dualstack-endpoint, AWS_USE_DUALSTACK_ENDPOINT"})
    void endpointVariantsNotImplemented_areRefused_notIgnored(String property, String variable) {
        assertThatThrownBy(() -> SsmEndpoint.of(aws(Map.of("aws.region", "us-east-1", property, "true"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(variable);
    }

    @Test
    void noRegion_isAConfigurationError() {
        assertThatThrownBy(() -> SsmEndpoint.of(aws(Map.of()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void aRegionThatIsNoName_isRefused_beforeItReachesAHostName() {
        assertThatThrownBy(() -> SsmEndpoint.of(aws(Map.of("aws.region", "evil.example.com/x"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AWS_REGION");
    }

    private static AwsEnvironment aws(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(AwsEnvironment.class);
        values.forEach(builder::withDefaultValue);
        return builder.build().getConfigMapping(AwsEnvironment.class);
    }
}
