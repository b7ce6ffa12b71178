package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class StatusTest extends FunctionTest {

    @ParameterizedTest(name = "{0} cancel={1} -> {2}")
    @CsvSource({
        "PENDING, 0, PENDING,  false",
        "PAID,    0, PAID,     false",
        "PENDING, 1, REVERSED, true",
        "PENDING, 2, CLOSED,   true",
        "PAID,    3, REFUNDED, false",
        "PAID,    5, REFUNDED, false",
    })
    void status_reportsWhatQfpayShows(Script script, int cancel, String expected, boolean alreadyCancelled) {
        SimPayment payment = payment("800101", script).cancelled(cancel);

        JsonPath result = answer(statusEvent(payment));

        assertThat(result.getString("status")).isEqualTo(expected);
        assertThat(result.getBoolean("already_cancelled")).isEqualTo(alreadyCancelled);
        assertThat(result.getString("operation")).isEqualTo("none");
        assertThat(result.getString("orig_syssn")).isEqualTo(payment.syssn());
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void status_unknownPayment_isNotFound() {
        JsonPath result = answer("{\"action\":\"status\",\"out_trade_no\":\"NO-SUCH-ORDER\"}");

        assertThat(result.getString("status")).isEqualTo("NOT_FOUND");
        assertThat(result.getString("out_trade_no")).isEqualTo("NO-SUCH-ORDER");
    }

    @Test
    void status_byOrderNumber_findsThisMonthsPayment() {
        SimPayment payment = payment("800201", Script.PENDING);

        JsonPath result = answer("{\"action\":\"status\",\"out_trade_no\":\"" + payment.outTradeNo() + "\"}");

        assertThat(result.getString("status")).isEqualTo("PENDING");
        assertThat(result.getString("orig_syssn")).isEqualTo(payment.syssn());
    }

    @Test
    void status_missingIdentifier_isInvalid() {
        JsonPath error = error("{\"action\":\"status\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("syssn or out_trade_no");
        assertThat(simulator.calls()).isEmpty();
    }
}
