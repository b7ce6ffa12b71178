package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReverseTest extends FunctionTest {

    @Test
    void reverse_pendingAlipayPayment_isReversedAndConfirmed() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(result.getString("operation")).isEqualTo("reversal");
        assertThat(result.getBoolean("already_cancelled")).isFalse();
        assertThat(result.getString("syssn")).isNotBlank().isNotEqualTo(payment.syssn());
        assertThat(result.getString("orig_syssn")).isEqualTo(payment.syssn());
        assertThat(result.getString("out_trade_no")).isEqualTo(payment.outTradeNo());
        assertThat(result.getString("pay_type")).isEqualTo("800101");
        assertThat(result.getLong("txamt")).isEqualTo(2500L);
        assertThat(result.getString("txcurrcd")).isEqualTo("HKD");
        assertThat(result.getString("respcd")).isEqualTo("0000");
        assertThat(result.getBoolean("retryable")).isFalse();
        assertThat(operations()).containsExactly("query", "reversal", "query");
        assertThat(payment.cancel()).isEqualTo(1);
        assertNoRefundWasSent();
    }

    @Test
    void reverse_answer_hasEveryContractKeyEvenWhenNull() {
        JsonPath result = answer("{\"syssn\":\"404404\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"}");
        assertThat(result.getMap("")).containsOnlyKeys("status", "operation", "already_cancelled", "syssn",
                "orig_syssn", "out_trade_no", "pay_type", "txamt", "txcurrcd", "txdtm", "sysdtm", "chnlsn",
                "respcd", "resperr", "respmsg", "retryable", "message");
    }

    @Test
    void reverse_wechatCpmPayment_isClosedWithGetByDefault() {
        SimPayment payment = payment("800008", Script.PENDING);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("CLOSED");
        assertThat(result.getString("operation")).isEqualTo("close");
        assertThat(simulator.calls("close")).extracting(RecordedCall::method).containsExactly("GET");
        assertThat(payment.cancel()).isEqualTo(2);
    }

    @Test
    void reverse_payTypeInInputAgreeingWithQfpaysRow_isAccepted() {
        SimPayment payment = payment("801008", Script.PENDING);

        answer("{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm()
                + "\",\"pay_type\":\"801008\"}");

        assertThat(operations()).containsExactly("query", "close", "query");
    }

    @Test
    void reverse_completedPayment_returnsRefundRequiredAndSendsNoCancel() {
        SimPayment payment = payment("800101", Script.PAID);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(result.getString("operation")).isEqualTo("none");
        assertThat(operations()).containsExactly("query");
        assertNoRefundWasSent();
    }

    @Test
    void reverse_processingThenCancelled_pollsUntilQfpayShowsTheReversal() {
        SimPayment payment = payment("800101", Script.PROCESSING_THEN_CANCELLED);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(simulator.calls("reversal")).hasSize(1);
        assertThat(simulator.calls("query").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reverse_processingBeyondTheBudget_returnsRetryableProcessing() {
        SimPayment payment = payment("800201", Script.PROCESSING_FOREVER);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("respcd")).isEqualTo("1143");
        assertThat(simulator.calls("reversal")).hasSize(1);
    }

    @Test
    void reverse_unknownPayment_returnsNotFoundAndSendsNoCancel() {
        JsonPath result = answer("{\"syssn\":\"9999999\",\"txamt\":2500,\"txdtm\":\"2026-01-01 10:00:00\"}");

        assertThat(result.getString("status")).isEqualTo("NOT_FOUND");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void reverse_amountMismatch_returnsRejectedWithQfpaysCode() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath result = answer("{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2600,\"txdtm\":\""
                + payment.txdtm() + "\"}");

        assertThat(result.getString("status")).isEqualTo("REJECTED");
        assertThat(result.getString("respcd")).isEqualTo("1267");
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void reverse_payTypeInNeitherTable_isRejectedWithoutACancel() {
        SimPayment payment = payment("802001", Script.PENDING);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REJECTED");
        assertThat(result.getString("message")).contains("802001");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void reverse_closeNotSupportedByTheChannel_isRejected() {
        SimPayment payment = payment("800208", Script.NOT_CANCELLABLE);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REJECTED");
        assertThat(result.getString("respcd")).isEqualTo("1297");
    }

    @Test
    void reverse_calledTwice_cancelsOnlyOnce() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath first = answer(reverseEvent(payment));
        JsonPath replay = answer(reverseEvent(payment));

        assertThat(first.getString("status")).isEqualTo("REVERSED");
        assertThat(replay.getString("status")).isEqualTo("REVERSED");
        assertThat(replay.getBoolean("already_cancelled")).isTrue();
        assertThat(replay.getString("operation")).isEqualTo("none");
        assertThat(simulator.calls("reversal")).hasSize(1);
    }

    @Test
    void reverse_alreadyClosedPayment_returnsClosedWithoutSending() {
        SimPayment payment = payment("800008", Script.PENDING).cancelled(2);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("CLOSED");
        assertThat(result.getBoolean("already_cancelled")).isTrue();
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void reverse_partlyRefundedPayment_returnsRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID).cancelled(5);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void reverse_byOrderNumberFromLastMonth_searchesThePaymentsMonth() {
        LocalDateTime lastMonth = LocalDateTime.now(HK).withNano(0).minusMonths(1).withDayOfMonth(3);
        SimPayment payment = simulator.add(new SimPayment("20250303000000001", "OLD-ORDER.1", "800101", 2500,
                lastMonth, Script.PENDING));

        JsonPath result = answer("{\"out_trade_no\":\"OLD-ORDER.1\",\"txamt\":\"2500\",\"txdtm\":\""
                + payment.txdtm() + "\"}");

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        RecordedCall reversal = simulator.calls("reversal").get(0);
        assertThat(reversal.params()).containsEntry("syssn", payment.syssn()).containsEntry("out_trade_no", "OLD-ORDER.1");
    }

    @Test
    void reverse_sendsMchidAndUdidOnlyWhenGiven() {
        SimPayment payment = payment("800101", Script.PENDING);

        answer("{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm()
                + "\",\"mchid\":\"MNxMp11FV35qQN\",\"udid\":\"pos-7\"}");
        SimPayment other = payment("800101", Script.PENDING);
        answer(reverseEvent(other));

        RecordedCall withIds = simulator.calls("reversal").get(0);
        RecordedCall plain = simulator.calls("reversal").get(1);
        assertThat(withIds.params()).containsEntry("mchid", "MNxMp11FV35qQN").containsEntry("udid", "pos-7");
        assertThat(plain.params()).doesNotContainKeys("mchid", "udid");
        assertThat(plain.signType()).isNull();
    }

    @Test
    void reverse_invalidInput_throwsInvalidRequestAndSendsNothing() {
        JsonPath error = error("{\"syssn\":\"not valid!\",\"txamt\":-1}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("syssn").contains("txamt").contains("txdtm");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void reverse_qfpayAnswers500_throwsQfpayUnavailable() {
        SimPayment payment = payment("800101", Script.SERVER_ERROR);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("HTTP 500");
    }

    @Test
    void reverse_qfpayAnswersHtml_throwsQfpayUnavailable() {
        SimPayment payment = payment("800101", Script.GARBAGE);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("unreadable");
    }

    @Test
    void reverse_qfpaySlowerThanTheReadTimeout_throwsQfpayUnavailable() {
        SimPayment payment = payment("800101", Script.SLOW);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("timed out");
    }
}
