package io.qfpayreversal.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimFault;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.OtherEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The race of issue 20, across invocations and execution environments: a cancel another environment
 * recorded in the cancel ledger (moto's DynamoDB) may still apply, so no answer may advise a refund and
 * no second cancel is sent. The other environment is a second writer with its own request id against
 * the same table; what it sent to QFPay is played by the simulator.
 */
@QuarkusTest
class CancelLedgerRaceTest extends FunctionTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void reverse_paidWhileTheSweepsReversalIsInFlight_isProcessingNotRefundRequired() {
        // The sweep (another environment) recorded and sent a reversal; the customer paid meanwhile.
        SimPayment payment = payment("800101", Script.PAID);
        OtherEnvironment sweep = OtherEnvironment.of("sweep-request-0001");
        sweep.recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("message")).contains("sweep-request-0001").contains("reversal")
                .contains("sent at").contains("may still apply until").contains("do not refund");
        assertThat(operations()).containsExactly("query");
        assertNoRefundWasSent();

        // Seconds later the sweep's reversal applies: QFPay's row shows cancel 1, and that is the answer.
        payment.cancelled(1);
        sweep.settles(payment.syssn(), "cancelled");
        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REVERSED");
    }

    @Test
    void status_paidWhileAnotherEnvironmentsCancelMayStillApply_isCancelling() {
        SimPayment payment = payment("800101", Script.PAID);
        OtherEnvironment.of("sweep-request-0002").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath result = answer(statusEvent(payment));

        assertThat(result.getString("status")).isEqualTo("CANCELLING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("message")).contains("reversal").contains("sent at")
                .contains("may still apply until").contains("Do not refund");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void status_pendingWhileAnotherEnvironmentsCloseMayStillApply_isCancelling() {
        SimPayment payment = payment("800008", Script.PENDING);
        OtherEnvironment.of("checkout-request-0003").recordsCancel(payment.syssn(), "close", WINDOW);

        JsonPath result = answer(statusEvent(payment));

        assertThat(result.getString("status")).isEqualTo("CANCELLING");
        assertThat(result.getString("message")).contains("close");
    }

    @Test
    void getTransactions_whileACancelMayStillApply_is202Cancelling() {
        // The fixture asks for syssn 20261125000300001.
        SimPayment payment = simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                java.time.LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PAID));
        OtherEnvironment.of("sweep-request-0004").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath response = answer(Fixtures.event("apigw-rest-get-transactions.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(new JsonPath(response.getString("body")).getString("status")).isEqualTo("CANCELLING");
    }

    @Test
    void reverse_retryAfterACrashBetweenSendAndAnswer_sendsNoSecondCancel() {
        // The first invocation recorded and sent its reversal, then died before answering; QFPay took
        // the reversal (1102 to any other cancel) and applies it two queries later.
        SimPayment payment = payment("800101", Script.PENDING).otherCancelInFlight(1);
        OtherEnvironment.of("crashed-request-0005").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath retry = answer(reverseEvent(payment));

        assertThat(retry.getString("status")).isEqualTo("REVERSED");
        assertThat(retry.getBoolean("already_cancelled")).isTrue();
        assertThat(simulator.calls("reversal")).isEmpty();
        assertThat(payment.cancel()).isEqualTo(1);
    }

    @Test
    void reverse_retryAfterACrash_paymentPaidMeanwhile_isProcessingNotRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID);
        OtherEnvironment.of("crashed-request-0006").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath retry = answer(reverseEvent(payment));

        assertThat(retry.getString("status")).isEqualTo("PROCESSING");
        assertThat(retry.getString("message")).contains("crashed-request-0006");
        assertThat(simulator.calls("reversal")).isEmpty();
    }

    @Test
    void reverse_anotherEnvironmentsCancelNeverSettling_isProcessingNamingIt() {
        SimPayment payment = payment("800201", Script.PENDING).otherCancelInFlight(1).neverApplied();
        OtherEnvironment.of("checkout-request-0007").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(result.getString("message")).contains("checkout-request-0007").contains("may still apply until");
        assertThat(simulator.calls("reversal")).isEmpty();
    }

    @Test
    void reverse_paymentCompletesBetweenItsQueryAndItsRecord_whileAnotherAdvisedARefund_sendsNoCancel() {
        // This call reads the payment open; before its cancel is recorded the customer pays, and the
        // checkout's reverse in another environment finds it paid, no cancel in the ledger, and advises
        // a refund. A cancel sent now, on a stale view, would return the money a second time.
        SimPayment payment = payment("800101", Script.PENDING);
        OtherEnvironment checkout = OtherEnvironment.of("checkout-request-0010");
        TestEnvironment.dynamoDb().beforeNext(() -> {
            payment.paid();
            checkout.advisesRefund(payment.syssn());
        });

        JsonPath result = answer(reverseEvent(payment));

        assertThat(simulator.calls("reversal")).isEmpty();
        assertThat(payment.cancel()).isZero();
        assertThat(result.getString("status")).isEqualTo("REFUND_REQUIRED");
    }

    @Test
    void reverse_paidAfterTheOtherCancelsWindowEnded_isRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID);
        OtherEnvironment.of("sweep-request-0008").recordsCancel(payment.syssn(), "reversal",
                VirtualTime.get().instant().minus(Duration.ofMinutes(11)), WINDOW);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(answer(statusEvent(payment)).getString("status")).isEqualTo("PAID");
    }

    @Test
    void reverse_paidWhenTheOtherCancelWasRefused_isRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID);
        OtherEnvironment other = OtherEnvironment.of("sweep-request-0009");
        other.recordsCancel(payment.syssn(), "reversal", WINDOW);
        other.settles(payment.syssn(), "refused");

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REFUND_REQUIRED");
    }

    @Test
    void status_pendingPastTheOtherCancelsFirstWindow_keepsItOpen_soAPaymentPaidLaterIsCancelling() {
        // Another environment's reversal was answered "processing" 9 minutes ago; QFPay still shows the payment pending.
        SimPayment payment = payment("800101", Script.PENDING);
        OtherEnvironment.of("sweep-request-0010").recordsCancel(payment.syssn(), "reversal",
                VirtualTime.get().instant().minus(Duration.ofMinutes(9)), WINDOW);
        assertThat(answer(statusEvent(payment)).getString("status")).isEqualTo("CANCELLING");

        // Past the first window the customer pays; the reversal may still apply: no refund advice.
        VirtualTime.get().advance(Duration.ofMinutes(5));
        payment.paid();

        JsonPath result = answer(statusEvent(payment));
        assertThat(result.getString("status")).isEqualTo("CANCELLING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("PROCESSING");
        assertThat(simulator.calls("reversal")).isEmpty();
    }

    @Test
    void reverse_windowCountsFromTheSend_notFromTheRecordBeforeRetryAfterWaits() {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.failNext("reversal", SimFault.HTTP_429, 2); // two Retry-After: 2 waits between record and send
        Instant recorded = VirtualTime.get().instant();

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REVERSED");

        // One second after a window counted from the record, the entry still holds: it counts from the send.
        OtherEnvironment late = OtherEnvironment.of("late-request-0011");
        assertThatThrownBy(() -> late.recordsCancel(payment.syssn(), "reversal",
                recorded.plus(WINDOW).plusSeconds(1), WINDOW)).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void status_partlyRefundedWhileAnotherCancelMayStillApply_isCancelling() {
        // Refunding the rest while the sweep's reversal may still apply would pay the customer back twice.
        SimPayment payment = payment("800101", Script.PAID).cancelled(5);
        OtherEnvironment.of("sweep-request-0012").recordsCancel(payment.syssn(), "reversal", WINDOW);

        JsonPath result = answer(statusEvent(payment));

        assertThat(result.getString("status")).isEqualTo("CANCELLING");
        assertThat(result.getBoolean("retryable")).isTrue();
    }
}
