package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.EmfLines;
import io.qfpayreversal.testing.FunctionEnvironment;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.SnapStartRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged function's EMF lines, as CloudWatch would read them from its standard output: the
 * JVM package under the runtime interface client or the native bootstrap, each on a Runtime API of
 * its own with its output in a file (Quarkus's integration-test launcher keeps a native binary's
 * output to itself).
 */
class MetricsPackagedIT {

    private static final String SSM_PATH = "/qfpay/metrics";
    private static final String APP_CODE = "APPCODE000METRC";
    private static final String CLIENT_KEY = "SECRETKEY-METRICS-5B07";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOG = Path.of("target/metrics-packaged-it.log");

    private static MotoSsm ssm;
    private static QfpaySimulator simulator;
    private static SnapStartRuntimeApi runtimeApi;
    private static PackagedFunction function;

    @BeforeAll
    static void startTheFunctionOnItsOwnRuntimeApi() throws Exception {
        ssm = MotoSsm.start();
        ssm.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
        ssm.createLedgerTable("metrics-cancel-ledger");
        simulator = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY);
        runtimeApi = new SnapStartRuntimeApi(() -> null); // a plain Runtime API: no snapshot is asked for
        Files.deleteIfExists(LOG);
        function = PackagedFunction.startAsBuilt(runtimeApi.address(), FunctionEnvironment.of(ssm, SSM_PATH,
                ssm.endpoint(), "metrics-cancel-ledger", simulator.baseUrl()), LOG);
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (ssm != null) {
            ssm.close();
        }
    }

    @Test
    void reverse_writesEmfLinesForTheOutcomeAndQfpayLatency_withoutSecrets() throws Exception {
        SimPayment payment = simulator.add(new SimPayment(String.valueOf(System.nanoTime()), "METRICS-1", "800101",
                2500, LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));

        String answer = runtimeApi.invoke("{\"action\":\"reverse\",\"syssn\":\"" + payment.syssn()
                + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm() + "\"}");

        assertThat(JSON.readTree(answer).path("status").asText()).as(answer).isEqualTo("REVERSED");
        String written = wholeLines();
        List<JsonNode> emf = EmfLines.in(written); // each line checked against the EMF specification
        // Written before the answer; a moment more for the file, in case the output is buffered.
        for (long until = System.nanoTime() + 10_000_000_000L; EmfLines.with(emf, Map.of("action", "reverse"))
                .isEmpty() && System.nanoTime() < until; emf = EmfLines.in(written)) {
            LockSupport.parkNanos(20_000_000L);
            written = wholeLines();
        }
        List<JsonNode> outcome = EmfLines.with(emf, Map.of("action", "reverse")).stream()
                .filter(document -> !document.has("operation")).toList();
        assertThat(outcome).hasSize(1);
        assertThat(outcome.get(0).path("REVERSED").asInt()).isEqualTo(1);
        assertThat(outcome.get(0).path("REFUND_REQUIRED").asInt(-1)).isZero();
        assertThat(outcome.get(0).path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("QfpayReversal");
        List<JsonNode> queries = EmfLines.with(emf, Map.of("operation", "query"));
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).path("QfpayLatency").isArray()).isTrue();
        assertThat(queries.get(0).path("QfpayLatency")).hasSize(2);
        assertThat(queries.get(0).path("QfpayCalls").asInt()).isEqualTo(2);
        List<JsonNode> reversals = EmfLines.with(emf, Map.of("operation", "reversal"));
        assertThat(reversals).hasSize(1);
        assertThat(reversals.get(0).path("QfpayLatency").isNumber()).isTrue();
        assertThat(emf.toString()).doesNotContain(CLIENT_KEY, payment.syssn());
        for (RecordedCall call : simulator.calls()) {
            assertThat(written).doesNotContain(call.sign());
        }
        assertThat(written).doesNotContain(CLIENT_KEY);
    }

    /** The function's output so far, whole lines only. */
    private static String wholeLines() throws java.io.IOException {
        String text = Files.readString(LOG);
        return text.substring(0, text.lastIndexOf('\n') + 1);
    }
}
