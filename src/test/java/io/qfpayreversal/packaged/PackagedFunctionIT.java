package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionEnvironment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LambdaInvoker;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedArtifact;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenarios again, against the packaged artifact. A native build (where GraalVM or
 * a container runtime exists, {@code make native}) runs its {@code bootstrap}, which polls the mock
 * event server itself. A JVM build runs {@code target/function.zip} as the managed java21 runtime
 * does: AWS's runtime interface client calling {@code QuarkusStreamHandler}, polling the same
 * mock event server (it serves the Lambda Runtime API under {@code /_lambda_}).
 *
 * <p>Thrown errors are covered by the {@code @QuarkusTest} suites and {@code make demo} only: the
 * mock event server acknowledges an error report with 204 where the Runtime API answers 202, and
 * the runtime interface client exits on that.
 */
@QuarkusIntegrationTest
class PackagedFunctionIT extends FunctionTest {

    private static PackagedFunction jvmFunction;
    /** The JVM package's output (its log lines and its EMF lines). */
    private static final Path FUNCTION_LOG = Path.of("target/packaged-function-it.log");

    /** Once per class, after the test environment is up (it is not yet in {@code @BeforeAll}). */
    @BeforeEach
    void startTheJvmPackageAsLambdaWould() throws IOException {
        if (jvmFunction != null) {
            return;
        }
        if (PackagedArtifact.isNative()) {
            return; // the native bootstrap polls by itself
        }
        MotoSsm ssm = TestEnvironment.ssm();
        Map<String, String> environment = FunctionEnvironment.of(ssm, QfpayTestEnvironment.SSM_PATH,
                TestEnvironment.dynamoDb().endpoint(), QfpayTestEnvironment.LEDGER_TABLE,
                TestEnvironment.simulator().baseUrl());
        environment.put("QFPAY_SWEEP_ENABLED", "true");
        jvmFunction = PackagedFunction.start(Path.of("target/function.zip"), "localhost:" + LambdaInvoker.INTEGRATION_TEST_PORT + "/_lambda_", environment, List.of(), FUNCTION_LOG);
    }

    @AfterAll
    static void stop() {
        if (jvmFunction != null) {
            jvmFunction.close();
        }
    }

    @Test
    void reverse_pendingPayment_isReversedAndConfirmed() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(operations()).containsExactly("query", "reversal", "query");
    }

    @Test
    void jvmPackage_loadsTheLedgersCallPathDuringInit_andBuildsItsClientInTheBackground() throws IOException {
        assumeFalse(PackagedArtifact.isNative(), "native: nothing is class-loaded");
        answer(reverseEvent(payment("800101", Script.PENDING)));

        String log = Files.readString(FUNCTION_LOG);
        assertThat(log).contains("Start-up prefetch: cancel ledger call path primed during init in")
                .contains("Start-up prefetch: cancel ledger client built in");
    }

    @Test
    void reverse_wechatCpmPayment_isClosedWithGet() {
        SimPayment payment = payment("800008", Script.PENDING);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("CLOSED");
        assertThat(simulator.calls("close").get(0).method()).isEqualTo("GET");
    }

    @Test
    void reverse_completedPayment_isRefundRequired() {
        SimPayment payment = payment("800101", Script.PAID);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REFUND_REQUIRED");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void reverse_processingThenCancelled_isReversed() {
        SimPayment payment = payment("800101", Script.PROCESSING_THEN_CANCELLED);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REVERSED");
    }

    @Test
    void status_reportsPaid() {
        SimPayment payment = payment("800101", Script.PAID);

        assertThat(answer(statusEvent(payment)).getString("status")).isEqualTo("PAID");
    }

    @Test
    void apiGatewayHttpApi_base64Body_answers200() {
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                java.time.LocalDateTime.now(HK).minusMinutes(5), Script.PENDING));
        ObjectNode event = Fixtures.event("httpapi-post-reversals-base64.json");

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.Content-Type")).isEqualTo("application/json");
    }

    @Test
    void sweep_scheduledEvent_cancelsAStalePayment() {
        SimPayment stale = simulator.add(new SimPayment("20261125000400001", "STALE-1", "800101", 2500,
                java.time.LocalDateTime.now(HK).minusHours(1), Script.PENDING));

        JsonPath summary = answer(Fixtures.event("eventbridge-scheduled-event.json").toString());

        assertThat(summary.getInt("reversed")).isEqualTo(1);
        assertThat(stale.cancel()).isEqualTo(1);
    }
}
