package io.qfpayreversal.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStateTest {

    private static PaymentRow row(String respcd, int cancel) {
        return new PaymentRow("1", "o", "payment", "800101", 100L, "HKD", "2026-11-27 10:00:00",
                "2026-11-27 10:00:01", respcd, null, cancel, null);
    }

    @ParameterizedTest(name = "respcd {0}, cancel {1} -> {2} (status {3})")
    @CsvSource({
            "1143, 0, PENDING,         PENDING",
            "1145, 0, PENDING,         PENDING",
            "1181, 0, FAILED,          PENDING",
            "0000, 0, PAID,            PAID",
            "0000, 1, REVERSED,        REVERSED",
            "1143, 1, REVERSED,        REVERSED",
            "1143, 2, CLOSED,          CLOSED",
            "0000, 3, REFUNDED,        REFUNDED",
            "0000, 5, PARTLY_REFUNDED, REFUNDED"})
    void of_mapsTheFlagFirstThenTheCode_andStatusFollows(String respcd, int cancel, PaymentState state,
            PaymentStatus status) {
        assertThat(PaymentState.of(row(respcd, cancel))).isEqualTo(state);
        assertThat(PaymentStatus.of(state)).isEqualTo(status);
    }

    @ParameterizedTest(name = "cancel flag {0} -> unreadable, never PAID")
    @CsvSource({"4", "9", "-1"})
    void of_undocumentedOrMissingFlag_isAnUnreadableAnswer(int cancel) {
        assertThatThrownBy(() -> PaymentState.of(row("0000", cancel))).isInstanceOf(QfpayUnavailableException.class)
                .hasMessageContaining("does not act on");
    }
}
