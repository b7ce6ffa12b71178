package io.qfpayreversal.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.DynamoDbGate;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.OtherEnvironment;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The function's own ledger entries, the sweep's counts, and a ledger that throttles or denies: never a
 * cancel sent or a refund advised on an unknown ledger, always a typed retryable error instead (or
 * {@code PROCESSING} once a cancel was sent).
 */
@QuarkusTest
class CancelLedgerFaultTest extends FunctionTest {

    private static Map<String, AttributeValue> entry(SimPayment payment) {
        return TestEnvironment.ssm().ledgerItem(QfpayTestEnvironment.LEDGER_TABLE, OtherEnvironment.OWN_MERCHANT,
                payment.syssn());
    }

    @Test
    void reverse_recordsItsCancelBeforeSendingIt_andClosesTheEntryOnceQfpayShowsItCancelled() {
        SimPayment payment = payment("800101", Script.PENDING);
        AtomicReference<Map<String, AttributeValue>> atSend = new AtomicReference<>();
        simulator.onCall(() -> {
            if (atSend.get() == null && simulator.calls().size() == 1) { // the reversal, after the first query
                atSend.set(entry(payment));
            }
        });

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(atSend.get()).containsKeys("request_id", "sent_at", "may_apply_until", "expires_at")
                .doesNotContainKey("settled_as");
        assertThat(atSend.get().get("operation").s()).isEqualTo("reversal");
        assertThat(entry(payment).get("settled_as").s()).isEqualTo("cancelled");
    }

    @Test
    void reverse_ledgerThrottles_sendsNoCancel_andIsARetryableError() {
        SimPayment payment = payment("800101", Script.PENDING);
        TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.THROTTLED);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("cancel ledger").contains("ThrottlingException")
                .contains("retrying later is safe");
        assertThat(operations()).containsExactly("query");
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void reverse_paidPayment_ledgerDenied_isAnErrorNotRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID);
        TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.DENIED);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("AccessDeniedException");
    }

    @Test
    void status_paidPayment_ledgerThrottles_isAnErrorNotPaid() {
        SimPayment payment = payment("800101", Script.PAID);
        TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.THROTTLED);

        assertThat(error(statusEvent(payment)).getString("errorType"))
                .isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
    }

    @Test
    void postReversals_ledgerThrottles_is503() {
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
        TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.THROTTLED);

        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(503);
        assertThat(simulator.calls("reversal")).isEmpty();
    }

    @Test
    void reverse_ledgerFailsAfterItsCancelWasSent_isProcessingNotAnError() {
        // The reversal is recorded and sent; the customer paid meanwhile; then DynamoDB throttles.
        SimPayment payment = payment("800101", Script.PAID_DURING_CANCEL);
        simulator.onCall(() -> {
            if (simulator.calls().size() == 1) {
                TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.THROTTLED);
            }
        });

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("PROCESSING");
        assertThat(result.getBoolean("retryable")).isTrue();
        assertThat(simulator.calls("reversal")).hasSize(1);
    }

    @Test
    void sweep_candidatePaidMeanwhileWhileAnotherEnvironmentsReversalMayApply_countsProcessingNotRefundRequired() {
        // The sweep lists a payment pending for 40 minutes; the checkout's direct reverse (another
        // environment) has recorded and sent a reversal; the customer pays before the sweep acts on it.
        long serial = System.nanoTime() % 100_000_000L;
        SimPayment stale = simulator.add(new SimPayment("2026112590" + serial, "STALE" + serial, "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(40), Script.PENDING));
        OtherEnvironment.of("checkout-request-0101").recordsCancel(stale.syssn(), "reversal", Duration.ofMinutes(10));
        simulator.onCall(() -> {
            if (simulator.calls().size() == 1) { // after the sweep's listing
                stale.paid();
            }
        });

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getInt("candidates")).isEqualTo(1);
        assertThat(summary.getInt("processing")).isEqualTo(1);
        assertThat(summary.getInt("refund_required")).isZero();
        assertThat(summary.getString("items[0].message")).contains("checkout-request-0101");
        assertThat(simulator.calls("reversal")).isEmpty();
    }
}
