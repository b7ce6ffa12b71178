package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.ContainerCredentialsEndpoint;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedArtifact;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.ProcessSockets;
import io.qfpayreversal.testing.SnapStartRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/function.zip in a SnapStart environment, as the java21 runtime runs it: AWS's runtime
 * interface client with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, which runs the function's
 * {@code beforeCheckpoint} hooks, asks for the snapshot ({@code /restore/next}), then runs the
 * {@code afterRestore} hooks and polls for events. AWS credentials come only from a container
 * credentials endpoint on loopback (no key variables); the QFPay credentials from SSM on moto.
 */
class SnapStartPackagedIT {

    private static final String SSM_PATH = "/qfpay/snapstart";
    private static final String APP_CODE = "APPCODE0000SNAP";
    private static final String CLIENT_KEY = "SECRETKEY-SNAPSTART-7F3A";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SERIALS = new AtomicLong(20261127000000L);

    private static MotoSsm ssm;
    private static QfpaySimulator simulator;
    private static ContainerCredentialsEndpoint credentials;
    private static SnapStartRuntimeApi runtimeApi;
    private static PackagedFunction function;
    private static final Path LOG = Path.of("target/snapstart-packaged-it.log");

    /** What the snapshot would hold, seen when the runtime asked for it. */
    record AtSnapshot(int credentialRequests, List<Integer> openConnections, boolean sawRuntimeApi, int qfpayCalls) {
    }

    @BeforeAll
    static void startASnapStartEnvironment() throws Exception {
        Assumptions.assumeFalse(PackagedArtifact.isNative(), "SnapStart is for the JVM package");
        ssm = MotoSsm.start();
        ssm.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
        ssm.createLedgerTable("snapstart-cancel-ledger"); // the ledger's client is built after the restore
        simulator = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY);
        credentials = new ContainerCredentialsEndpoint(MotoSsm.ACCESS_KEY, MotoSsm.SECRET_KEY);
        long[] pid = new long[1];
        runtimeApi = new SnapStartRuntimeApi(() -> {
            try {
                List<Integer> all = ProcessSockets.establishedRemotePorts(pid[0]);
                List<Integer> open = all.stream().filter(port -> port != runtimeApi.port()).toList();
                return new AtSnapshot(credentials.authorizations().size(), open, all.contains(runtimeApi.port()),
                        simulator.calls().size());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Files.deleteIfExists(LOG);
        function = PackagedFunction.start(Path.of("target/function.zip"), runtimeApi.address(), Map.of(
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", ContainerCredentialsEndpoint.TOKEN,
                "AWS_REGION", MotoSsm.REGION,
                "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
                "QFPAY_LEDGER_TABLE", "snapstart-cancel-ledger",
                "AWS_ENDPOINT_URL_DYNAMODB", ssm.endpoint(),
                "QFPAY_SSM_PATH", SSM_PATH,
                "QFPAY_BASE_URL", simulator.baseUrl(),
                "QFPAY_POLL_BUDGET", "2s"), List.of(), LOG);
        pid[0] = function.pid();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {function, runtimeApi, credentials, simulator, ssm}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void snapshot_holdsNoCredentialsNoConnection_thenTheRestoredFunctionLoadsItsOwn() throws Exception {
        AtSnapshot atSnapshot = (AtSnapshot) runtimeApi.snapshot();
        assertThat(atSnapshot.credentialRequests()).as("AWS credentials fetched before the snapshot").isZero();
        assertThat(atSnapshot.sawRuntimeApi()).as("the probe sees the runtime's own /restore/next call").isTrue();
        assertThat(atSnapshot.openConnections()).as("connections open at the snapshot").isEmpty();
        assertThat(atSnapshot.qfpayCalls()).as("calls to QFPay before the snapshot (priming stays on loopback)").isZero();

        SimPayment payment = simulator.add(new SimPayment(String.valueOf(SERIALS.incrementAndGet()), "SNAP-1", "800101",
                2500, LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
        String answer = runtimeApi.invoke("{\"action\":\"reverse\",\"syssn\":\"" + payment.syssn()
                + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm() + "\"}");
        assertThat(answer).as("the function's answer").doesNotStartWith("ERROR");
        JsonNode reversed = JSON.readTree(answer);

        assertThat(reversed.path("status").asText()).as(reversed.toString()).isEqualTo("REVERSED");
        assertThat(credentials.authorizations()).as("fetched after the restore, with the container token")
                .isNotEmpty().allMatch(ContainerCredentialsEndpoint.TOKEN::equals);
        JsonNode status = JSON.readTree(runtimeApi.invoke("{\"action\":\"status\",\"syssn\":\"" + payment.syssn() + "\"}"));
        assertThat(status.path("status").asText()).isEqualTo("REVERSED");
        String log = Files.readString(LOG);
        assertThat(log).contains("SnapStart: primed before the snapshot").doesNotContain("Start-up prefetch: credentials in");
        assertThat(log).doesNotContain(CLIENT_KEY);
    }
}
