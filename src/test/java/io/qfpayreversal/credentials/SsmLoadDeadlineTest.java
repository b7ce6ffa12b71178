package io.qfpayreversal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.time.Deadline;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/** The SSM load is part of the invocation's one time budget: its time-out is what is left, at most. */
class SsmLoadDeadlineTest {

    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(8);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final List<GetParametersRequest> sent = new ArrayList<>();

    /** Captures what is sent to the SDK; answers with the three parameters. */
    private final SsmClient ssm = new SsmClient() {
        @Override
        public GetParametersResponse getParameters(GetParametersRequest request) {
            sent.add(request);
            return GetParametersResponse.builder().parameters(
                    Parameter.builder().name("/qfpay/t/app-code").value("APP").build(),
                    Parameter.builder().name("/qfpay/t/client-key").value("KEY").build()).build();
        }

        @Override
        public String serviceName() {
            return "ssm";
        }

        @Override
        public void close() {
        }
    };

    private final QfpayConfig config = new SmallRyeConfigBuilder().withMapping(QfpayConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withDefaultValue("qfpay.ssm-path", "/qfpay/t").build().getConfigMapping(QfpayConfig.class);

    private final SsmCredentialsSource source = new SsmCredentialsSource(ssm, config, CLIENT_LIMIT);

    @Test
    void load_withLittleTimeLeft_givesSsmNoMoreThanThat() {
        source.load(Deadline.in(clock, Duration.ofMillis(2500), Duration.ofSeconds(1)));

        assertThat(sent.get(0).overrideConfiguration().orElseThrow().apiCallTimeout()).contains(Duration.ofMillis(2500));
    }

    @Test
    void load_withTimeToSpare_keepsTheClientsOwnLimit() {
        source.load(Deadline.none(clock));

        assertThat(sent.get(0).overrideConfiguration().orElseThrow().apiCallTimeout()).contains(CLIENT_LIMIT);
    }

    @Test
    void load_withTooLittleTimeLeft_callsNothing() {
        assertThatThrownBy(() -> source.load(Deadline.in(clock, Duration.ofMillis(400), Duration.ofSeconds(1))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Too little time");
        assertThat(sent).isEmpty();
    }
}
