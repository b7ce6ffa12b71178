package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionEnvironment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LambdaInvoker;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.OtherEnvironment;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two execution environments of the packaged function (two runtime processes of
 * {@code target/function.zip}, as Lambda runs two containers) polling the same Runtime API, sharing
 * the QFPay simulator and the cancel ledger in moto (with the runner Quarkus's launcher starts, which
 * polls too): two direct {@code reverse} calls of one payment at the same moment send exactly one
 * cancel. On the code before the ledger both sent a reversal. JVM package only: a native build's
 * bootstrap is one process started by Quarkus.
 */
@QuarkusIntegrationTest
class TwoEnvironmentsRaceIT extends FunctionTest {

    private static final Path LOG = Path.of("target/two-environments-race-it.log");
    private static final List<PackagedFunction> ENVIRONMENTS = new ArrayList<>();

    @BeforeEach
    void startTwoEnvironments() throws IOException {
        if (!ENVIRONMENTS.isEmpty()) {
            return;
        }
        MotoSsm ssm = TestEnvironment.ssm();
        Map<String, String> environment = FunctionEnvironment.of(ssm, QfpayTestEnvironment.SSM_PATH,
                TestEnvironment.dynamoDb().endpoint(), QfpayTestEnvironment.LEDGER_TABLE,
                TestEnvironment.simulator().baseUrl());
        environment.put("QFPAY_POLL_BUDGET", "5s");
        String runtimeApi = "localhost:" + LambdaInvoker.INTEGRATION_TEST_PORT + "/_lambda_";
        for (int i = 0; i < 2; i++) {
            // Native: beside the binary Quarkus's launcher started, which polls the same Runtime API.
            ENVIRONMENTS.add(PackagedFunction.startAsBuilt(runtimeApi, environment, LOG));
        }
    }

    @AfterAll
    static void stopEnvironments() {
        ENVIRONMENTS.forEach(PackagedFunction::close);
        ENVIRONMENTS.clear();
    }

    @Test
    void twoDirectReverses_inTwoEnvironmentsAtOnce_sendExactlyOneCancel() throws Exception {
        SimPayment payment = payment("800101", Script.PENDING);
        // Hold each environment's first query until both have asked: both then see the payment open.
        CountDownLatch bothQueried = new CountDownLatch(2);
        AtomicInteger queries = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        simulator.onCall(() -> {
            if (queries.incrementAndGet() <= 2) {
                bothQueried.countDown();
                try {
                    overlapped.compareAndSet(false, bothQueried.await(8, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        CompletableFuture<JsonPath> first = CompletableFuture.supplyAsync(() -> answer(reverseEvent(payment)));
        CompletableFuture<JsonPath> second = CompletableFuture.supplyAsync(() -> answer(reverseEvent(payment)));
        List<JsonPath> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

        assertThat(overlapped).as("both environments had queried before either cancelled").isTrue();
        assertThat(simulator.calls("reversal")).as("reversals sent to QFPay").hasSize(1);
        // The one that sent it confirms it; the other settles by querying: reversed (already cancelled), or still processing.
        assertThat(answers).extracting(a -> a.getString("status")).allSatisfy(s -> assertThat(s).isIn("REVERSED", "PROCESSING"))
                .contains("REVERSED");
        assertThat(answers).filteredOn(a -> "REVERSED".equals(a.getString("status")))
                .extracting(a -> a.getBoolean("already_cancelled")).containsOnlyOnce(false);
        assertThat(payment.cancel()).isEqualTo(1);
        assertThat(TestEnvironment.ssm().ledgerItem(QfpayTestEnvironment.LEDGER_TABLE, OtherEnvironment.OWN_MERCHANT,
                payment.syssn())).containsKey("request_id");
    }
}
