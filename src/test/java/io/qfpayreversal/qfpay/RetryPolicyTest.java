package io.qfpayreversal.qfpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.qfpay.RetryPolicy.Decision;
import io.qfpayreversal.qfpay.RetryPolicy.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    @ParameterizedTest(name = "cancel={0} {1} attempt {2} -> {3}")
    @CsvSource({
        "false, TIMED_OUT,       1, RESEND",
        "false, CONNECTION_LOST, 3, RESEND",
        "false, SERVER_ERROR,    4, GIVE_UP",
        "true,  NOT_SENT,        1, RESEND",
        "true,  RATE_LIMITED,    1, RESEND",
        "true,  TIMED_OUT,       1, QUERY_FIRST",
        "true,  CONNECTION_LOST, 2, QUERY_FIRST",
        "true,  SERVER_ERROR,    1, QUERY_FIRST",
        "true,  UNREADABLE,      1, QUERY_FIRST",
        "true,  BUSY,            3, QUERY_FIRST",
        "true,  BUSY,            4, GIVE_UP",
    })
    void shouldRetry_neverResendsACancelWhoseOutcomeIsUnknown(boolean cancel, Fault fault, int attempt,
            Decision expected) {
        assertThat(RetryPolicy.shouldRetry(cancel, fault, attempt, 4)).isEqualTo(expected);
    }

    @Test
    void delay_growsExponentiallyUpToTheCapWithFullJitter() {
        Duration base = Duration.ofMillis(200);
        Duration cap = Duration.ofSeconds(2);
        assertThat(RetryPolicy.delay(1, base, cap, null, 0.999)).isEqualTo(Duration.ofMillis(199));
        assertThat(RetryPolicy.delay(3, base, cap, null, 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(RetryPolicy.delay(10, base, cap, null, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.delay(2, base, cap, null, 0.0)).isZero();
    }

    @Test
    void delay_isNeverShorterThanRetryAfter() {
        assertThat(RetryPolicy.delay(1, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5), 0.3))
                .isEqualTo(Duration.ofSeconds(5));
    }
}
