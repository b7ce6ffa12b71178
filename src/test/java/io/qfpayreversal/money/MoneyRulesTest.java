package io.qfpayreversal.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimFault;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Races and lookups where a wrong answer moves money, against a simulator as strict as QFPay:
 * queries by {@code out_trade_no} filtered on {@code sysdtm} one month at a time, ten rows a page
 * by default, every attempt of an order listed, 1102 to a cancel while another is in flight.
 */
@QuarkusTest
class MoneyRulesTest extends FunctionTest {

    @Test
    void reverse_whileAnotherCallersReversalIsInFlight_settlesByQueryingInsteadOfRejecting() {
        SimPayment payment = payment("800101", Script.PENDING).otherCancelInFlight(1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(result.getBoolean("already_cancelled")).isTrue();
        assertThat(simulator.calls("reversal")).extracting(RecordedCall::respcd).containsExactly("1102");
        assertThat(payment.cancel()).isEqualTo(1);
    }

    @Test
    void postReversals_whileAnotherCancelIsInFlight_is200NotA422() {
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING)).otherCancelInFlight(1);

        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(new JsonPath(response.getString("body")).getString("status")).isEqualTo("REVERSED");
    }

    @Test
    void reverse_duplicateNeverSettling_isProcessingAndRetryable() {
        SimPayment payment = payment("800101", Script.PENDING).otherCancelInFlight(1).neverApplied();

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(simulator.calls("reversal")).hasSize(1);
    }

    @Test
    void reverse_answeredAlreadyCancelledWhileTheRowShowsRefunded_isRejectedNotReversed() {
        SimPayment payment = payment("800101", Script.PENDING).meanwhile("0000", 3);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(simulator.calls("reversal")).extracting(RecordedCall::respcd).containsExactly("1264");
        assertThat(result.getString("status")).isEqualTo("REJECTED");
        assertThat(result.getBoolean("already_cancelled")).isFalse();
        assertThat(result.getString("message")).contains("refunded in full");
    }

    @ParameterizedTest(name = "answer lost while the row became cancel={0} -> PROCESSING, not a refund or a reversal")
    @ValueSource(ints = {0, 5})
    void reverse_answerLostWhileTheCustomerPaid_isProcessingNotRefundRequiredNorReversed(int cancelFlag) {
        SimPayment payment = payment("800101", Script.PENDING).meanwhile("0000", cancelFlag);
        simulator.failNext("reversal", SimFault.TIMEOUT_APPLIED, 1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("message")).contains("may still apply");
        assertThat(operations()).containsExactly("query", "reversal", "query");
        assertNoRefundWasSent();
    }

    @Test
    void reverse_confirmingQueryShowsPaidAfterA0000_isProcessingNotRefundRequired() {
        SimPayment payment = payment("800108", Script.PAID_DURING_CANCEL);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getString("message")).contains("do not refund yet");
        assertThat(operations()).containsExactly("query", "reversal", "query");
    }

    @Test
    void reverse_byOrderNumberAtAMonthsLastSeconds_findsThePaymentQfpayFiledNextMonth() {
        YearMonth month = YearMonth.now(HK).minusMonths(2);
        LocalDateTime txdtm = month.atEndOfMonth().atTime(23, 59, 58);
        SimPayment payment = simulator.add(new SimPayment("20260000000000777", "EDGE-ORDER-1", "800101", 2500,
                txdtm, Script.PENDING).filedAt(month.plusMonths(1).atDay(1).atTime(0, 0, 1)));

        JsonPath result = answer("{\"out_trade_no\":\"EDGE-ORDER-1\",\"txamt\":2500,\"txdtm\":\""
                + payment.txdtm() + "\"}");

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(payment.cancel()).isEqualTo(1);
    }

    @Test
    void getTransactions_byOrderNumberFromLastMonth_isFoundWithoutTxdtm() {
        LocalDateTime lastMonth = LocalDateTime.now(HK).withNano(0).minusMonths(1).withDayOfMonth(10);
        simulator.add(new SimPayment("20261010000000001", "API-ORDER-1", "800101", 2500, lastMonth, Script.PENDING));

        JsonPath response = answer(Fixtures.event("httpapi-get-transactions.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(new JsonPath(response.getString("body")).getString("status")).isEqualTo("PENDING");
    }

    @Test
    void reverse_twelveAttemptsUnderOneOrderTheLastPaid_isRefundRequiredAndCancelsNothing() {
        LocalDateTime first = LocalDateTime.now(HK).withNano(0).minusMinutes(30);
        for (int i = 0; i < 11; i++) {
            simulator.add(new SimPayment("2026000000000100" + String.format("%02d", i), "MANY-1", "800101", 2500,
                    first.plusMinutes(i), Script.PENDING).failed());
        }
        SimPayment paid = simulator.add(new SimPayment("20260000000001099", "MANY-1", "800101", 2500,
                first.plusMinutes(20), Script.PAID));

        JsonPath result = answer("{\"out_trade_no\":\"MANY-1\",\"txamt\":2500,\"txdtm\":\"" + paid.txdtm() + "\"}");

        assertThat(result.getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(result.getString("orig_syssn")).isEqualTo(paid.syssn());
        assertThat(simulator.calls("reversal")).isEmpty();
    }

    @Test
    void reverse_twoAttemptsStillOpen_cancelsBothBeforeAnsweringReversed() {
        LocalDateTime at = LocalDateTime.now(HK).withNano(0).minusMinutes(10);
        SimPayment one = simulator.add(new SimPayment("20260000000002001", "TWO-1", "800101", 2500, at, Script.PENDING));
        SimPayment two = simulator.add(new SimPayment("20260000000002002", "TWO-1", "800101", 2500, at.plusMinutes(1),
                Script.PENDING));

        JsonPath result = answer("{\"out_trade_no\":\"TWO-1\",\"txamt\":2500,\"txdtm\":\"" + one.txdtm() + "\"}");

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(one.cancel()).isEqualTo(1);
        assertThat(two.cancel()).isEqualTo(1);
        assertThat(simulator.calls("reversal")).extracting(call -> call.params().get("syssn"))
                .containsExactly(two.syssn(), one.syssn());
    }

    @Test
    void reverse_payTypeThatContradictsQfpaysRow_isRefusedWithTheFieldNamedAndNothingCancelled() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error("{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm()
                + "\",\"pay_type\":\"801008\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("pay_type").contains("800101");
        assertThat(operations()).containsExactly("query");
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void reverse_twoOpenAttemptsOneRowLaggingAfterIts0000_cancelsBothAndAnswersProcessing() {
        LocalDateTime at = LocalDateTime.now(HK).withNano(0).minusMinutes(10);
        SimPayment older = simulator.add(new SimPayment("20260000000003001", "LAG-1", "800101", 2500, at, Script.PENDING));
        SimPayment lagging = simulator.add(new SimPayment("20260000000003002", "LAG-1", "800101", 2500,
                at.plusMinutes(1), Script.CONFIRMED_ROW_LAGS));

        JsonPath result = answer("{\"out_trade_no\":\"LAG-1\",\"txamt\":2500,\"txdtm\":\"" + older.txdtm() + "\"}");

        assertThat(simulator.calls("reversal")).extracting(call -> call.params().get("syssn"))
                .containsExactly(lagging.syssn(), older.syssn());
        assertThat(older.cancel()).isEqualTo(1);
        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getString("message")).contains("0000").contains("still shows the payment open");
    }

    @Test
    void reverse_cancelAnsweredNotFoundForAListedPayment_isRejectedNotNotFound() {
        SimPayment payment = payment("800101", Script.CANCEL_NOT_FOUND);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REJECTED");
        assertThat(result.getString("respcd")).isEqualTo("1136");
    }

    @Test
    void reverse_answerLostThenQfpayUnreachable_isProcessingNotAnError() {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.failNext("reversal", SimFault.TIMEOUT_APPLIED, 1);
        simulator.onCall(() -> {
            if (simulator.calls("reversal").size() == 1 && simulator.calls("query").size() == 1) {
                simulator.failNext("query", SimFault.HTTP_503, 100);
            }
        });

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(payment.cancel()).isEqualTo(1);
    }

    @Test
    void reverse_0000ThenARowStillOpenThenQfpayUnreachable_isProcessingNotReversed() {
        SimPayment payment = payment("800101", Script.CONFIRMED_ROW_LAGS);
        simulator.onCall(() -> {
            if (simulator.calls("reversal").size() == 1 && simulator.calls("query").size() == 2) {
                simulator.failNext("query", SimFault.HTTP_503, 100);
            }
        });

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
    }

    @Test
    void reverse_oneAttemptPaidAnotherOpen_cancelsTheOpenOneThenAdvisesTheRefund() {
        LocalDateTime at = LocalDateTime.now(HK).withNano(0).minusMinutes(10);
        SimPayment open = simulator.add(new SimPayment("20260000000004001", "MIX-1", "800101", 2500, at, Script.PENDING));
        SimPayment paid = simulator.add(new SimPayment("20260000000004002", "MIX-1", "800101", 2500, at.plusMinutes(1),
                Script.PAID));

        JsonPath result = answer("{\"out_trade_no\":\"MIX-1\",\"txamt\":2500,\"txdtm\":\"" + open.txdtm() + "\"}");

        assertThat(open.cancel()).as("the open attempt could still charge the customer again").isEqualTo(1);
        assertThat(result.getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(result.getString("orig_syssn")).isEqualTo(paid.syssn());
    }

    @Test
    void reverse_customerPaysOneAttemptWhileItIsBeingCancelled_1260_cancelsTheOtherAndAdvisesTheRefund() {
        LocalDateTime at = LocalDateTime.now(HK).withNano(0).minusMinutes(10);
        SimPayment older = simulator.add(new SimPayment("20260000000005001", "RACE-2", "800101", 2500, at, Script.PENDING));
        SimPayment paying = simulator.add(new SimPayment("20260000000005002", "RACE-2", "800101", 2500,
                at.plusMinutes(1), Script.PENDING)).meanwhile("0000", 0);

        JsonPath result = answer("{\"out_trade_no\":\"RACE-2\",\"txamt\":2500,\"txdtm\":\"" + older.txdtm() + "\"}");

        assertThat(simulator.calls("reversal")).extracting(RecordedCall::respcd).containsExactly("1260", "0000");
        assertThat(older.cancel()).isEqualTo(1);
        assertThat(result.getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(result.getString("orig_syssn")).isEqualTo(paying.syssn());
    }
}
