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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSM load is part of the invocation's one time budget: its time-out is what is left, at most. */
class SsmLoadDeadlineTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final List<Duration> given = new ArrayList<>();

    private final QfpayConfig config = new SmallRyeConfigBuilder().withMapping(QfpayConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withDefaultValue("qfpay.ssm-path", "/qfpay/t").build().getConfigMapping(QfpayConfig.class);

    /** Captures the time SSM is given; answers with the two parameters. */
    private final SsmParameters ssm = new SsmParameters(null, null, config, null) {
        @Override
        Map<String, String> get(List<String> names, Deadline deadline) {
            given.add(deadline.remaining());
            return Map.of("/qfpay/t/app-code", "APP", "/qfpay/t/client-key", "KEY");
        }
    };

    private final SsmCredentialsSource source = new SsmCredentialsSource(ssm, config);

    @Test
    void load_withLittleTimeLeft_givesSsmNoMoreThanThat() {
        source.load(Deadline.in(clock, Duration.ofMillis(2500), Duration.ofSeconds(1)));

        assertThat(given).containsExactly(Duration.ofMillis(2500));
    }

    @Test
    void load_withTimeToSpare_keepsTheCallsOwnLimit() {
        source.load(Deadline.none(clock));

        assertThat(given).containsExactly(config.ssmCallTimeout());
    }

    @Test
    void load_withTooLittleTimeLeft_callsNothing() {
        assertThatThrownBy(() -> source.load(Deadline.in(clock, Duration.ofMillis(400), Duration.ofSeconds(1))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Too little time");
        assertThat(given).isEmpty();
    }
}
