package io.qfpayreversal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimFault;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault on every kind of QFPay call ends in an exact outcome after an exact sequence of
 * calls: queries are resent, a cancel whose outcome is unknown is queried before anything is sent
 * again, and nothing is ever cancelled twice. Attempts per call: 4 (the default). 1143 forever and
 * 1143-then-cancelled are in ReverseTest; 1108 once and forever in CredentialRotationTest.
 */
@QuarkusTest
class FaultMatrixTest extends FunctionTest {

    private static final int ATTEMPTS = 4;

    /** Faults after which QFPay did not act. */
    private static final List<SimFault> NOT_APPLIED = List.of(SimFault.RESET, SimFault.HTTP_500, SimFault.HTTP_502,
            SimFault.HTTP_503, SimFault.HTML, SimFault.EMPTY, SimFault.TRUNCATED, SimFault.BUSY);

    static Stream<Arguments> cancels() {
        return Stream.of(Arguments.of("reversal", "800101", "REVERSED"), Arguments.of("close", "800008", "CLOSED"));
    }

    static Stream<Arguments> cancelFaults() {
        List<Arguments> cases = new ArrayList<>();
        cancels().forEach(c -> NOT_APPLIED.forEach(f -> cases.add(Arguments.of(c.get()[0], c.get()[1], c.get()[2], f))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} meets {3} once -> query, {0}, query, {0}, query -> {2}")
    @MethodSource("cancelFaults")
    void cancelFaultOnce_queriesThenCancelsAgain(String operation, String payType, String status, SimFault fault) {
        SimPayment payment = payment(payType, Script.PENDING);
        simulator.failNext(operation, fault, 1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo(status);
        assertThat(operations()).containsExactly("query", operation, "query", operation, "query");
        assertThat(simulator.calls(operation).get(0).respcd()).isEqualTo("FAULT:" + fault);
        assertThat(payment.cancel()).isNotZero();
    }

    @ParameterizedTest(name = "{0} times out after QFPay applied it -> query shows it -> {2}, sent once")
    @MethodSource("cancels")
    void cancelAppliedButAnswerLost_isConfirmedByQueryNotResent(String operation, String payType, String status) {
        SimPayment payment = payment(payType, Script.PENDING);
        simulator.failNext(operation, SimFault.TIMEOUT_APPLIED, 1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo(status);
        assertThat(result.getString("operation")).isEqualTo(operation);
        assertThat(result.getBoolean("already_cancelled")).isFalse();
        assertThat(result.getString("message")).contains("answer was lost");
        assertThat(operations()).containsExactly("query", operation, "query");
    }

    @ParameterizedTest(name = "{0} fails forever -> {1} attempts, each between queries -> PROCESSING (it may still apply)")
    @MethodSource("cancels")
    void cancelFailingForever_endsProcessingRetryableWithoutCancelling(String operation, String payType, String status) {
        SimPayment payment = payment(payType, Script.PENDING);
        simulator.failNext(operation, SimFault.HTTP_503, 100);

        JsonPath result = answer(reverseEvent(payment));

        // A 503 may come from a proxy after QFPay acted: no error a fresh retry would act on.
        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("message")).contains("may still apply").contains("outcome is unknown");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            expected.add("query");
            expected.add(operation);
        }
        expected.add("query"); // the last unknown outcome is settled by a query too
        assertThat(operations()).containsExactlyElementsOf(expected);
        assertThat(payment.cancel()).isZero();
    }

    @ParameterizedTest(name = "query meets {0} once -> resent -> REVERSED")
    @EnumSource(value = SimFault.class)
    void queryFaultOnce_isResent(SimFault fault) {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.failNext("query", fault, 1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(operations()).containsExactly("query", "query", "reversal", "query");
    }

    @ParameterizedTest(name = "query meets {0} forever -> QfpayUnavailableException, no cancel")
    @EnumSource(value = SimFault.class, names = {"RESET", "TIMEOUT_APPLIED", "HTTP_502", "HTML", "TRUNCATED", "BUSY"})
    void queryFailingForever_givesUpWithoutCancelling(SimFault fault) {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.failNext("query", fault, 100);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(operations()).containsExactly(Collections.nCopies(ATTEMPTS, "query").toArray(String[]::new));
        if (fault == SimFault.TIMEOUT_APPLIED) {
            assertThat(error.getString("errorMessage")).contains("timed out");
        }
        assertThat(payment.cancel()).isZero();
    }

    @ParameterizedTest(name = "{0} meets HTTP 429 -> resent after Retry-After, no extra query -> {2}")
    @MethodSource("cancels")
    void cancelRateLimited_isResentAfterRetryAfter(String operation, String payType, String status) {
        SimPayment payment = payment(payType, Script.PENDING);
        simulator.failNext(operation, SimFault.HTTP_429, 1);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo(status);
        assertThat(operations()).containsExactly("query", operation, operation, "query");
        assertThat(VirtualTime.get().elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void connectionRefused_isUnavailableAndNothingReachesQfpay() throws Exception {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.suspend();
        JsonPath error;
        try {
            error = error(reverseEvent(payment));
        } finally {
            simulator.resume();
        }

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(simulator.calls()).isEmpty();
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void sweep_listingFaultOnce_isResentAndTheSweepCompletes() {
        SimPayment payment = simulator.add(new SimPayment("20261125009900001", "SWEEP-FAULT-1", "800101", 2500,
                java.time.LocalDateTime.now(HK).minusHours(1), Script.PENDING));
        simulator.failNext("query", SimFault.HTTP_503, 1);

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getInt("reversed")).isEqualTo(1);
        assertThat(payment.cancel()).isEqualTo(1);
    }

    @Test
    void sweep_listingFailingForever_throwsQfpayUnavailable() {
        simulator.failNext("query", SimFault.HTML, 100);

        JsonPath error = error("{\"action\":\"sweep\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(simulator.calls("query")).hasSize(ATTEMPTS);
    }

    @Test
    void sweep_cancelFailingForever_leavesThatItemProcessing() {
        SimPayment stuck = simulator.add(new SimPayment("20261125009900002", "SWEEP-FAULT-2", "800101", 2500,
                java.time.LocalDateTime.now(HK).minusHours(1), Script.PENDING));
        simulator.failNext("reversal", SimFault.RESET, 100);

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        // A reset after sending may have reached QFPay: the item is not settled, and not an error.
        assertThat(summary.getInt("processing")).isEqualTo(1);
        assertThat(summary.getString("items[0].status")).isEqualTo("PROCESSING");
        assertThat(simulator.calls("reversal")).hasSize(ATTEMPTS);
        assertThat(stuck.cancel()).isZero();
    }
}
