package io.qfpayreversal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the end-to-end tests: events go through the mock Lambda event server into the real
 * function, which loads credentials from SSM on moto_server and calls the QFPay simulator.
 */
@QuarkusTestResource(value = QfpayTestEnvironment.class, restrictToAnnotatedClass = false)
public abstract class FunctionTest {

    protected static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final AtomicLong SERIALS = new AtomicLong(20261125000000L);

    protected QfpaySimulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = TestEnvironment.simulator();
        simulator.reset();
        VirtualTime.get().reset();
        LambdaTimeout.clear();
        TestEnvironment.dynamoDb().fault(DynamoDbGate.Fault.NONE);
        TestEnvironment.ssm().clearLedger(QfpayTestEnvironment.LEDGER_TABLE);
    }

    /** A payment made five minutes ago with a fresh serial and order number. */
    protected SimPayment payment(String payType, Script script) {
        long serial = SERIALS.incrementAndGet();
        return simulator.add(new SimPayment(String.valueOf(serial), "ORDER" + serial, payType, 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), script));
    }

    protected static String reverseEvent(SimPayment payment) {
        return "{\"action\":\"reverse\",\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\""
                + payment.txdtm() + "\"}";
    }

    protected static String statusEvent(SimPayment payment) {
        return "{\"action\":\"status\",\"syssn\":\"" + payment.syssn() + "\"}";
    }

    /** Invokes the function and returns its answer, failing if it threw. */
    protected static JsonPath answer(String event) {
        return LambdaInvoker.invoke(event).statusCode(200).extract().jsonPath();
    }

    /** Invokes the function and returns the Lambda error it threw ({@code errorType}, {@code errorMessage}). */
    protected static JsonPath error(String event) {
        return LambdaInvoker.invoke(event).statusCode(500).extract().jsonPath();
    }

    protected List<String> operations() {
        return simulator.calls().stream().map(RecordedCall::operation).toList();
    }

    protected void assertNoRefundWasSent() {
        assertThat(simulator.calls("refund")).isEmpty();
    }
}
