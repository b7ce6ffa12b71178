package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.JvmThreads;
import io.qfpayreversal.testing.FunctionEnvironment;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedArtifact;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.SnapStartRuntimeApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged function ends when it can no longer be invoked, so Lambda replaces the environment
 * at once instead of waiting out its own time-out: after one real invocation (the function fully
 * started: SSM, the QFPay client, Vert.x), the Runtime API goes away and the process must exit,
 * non-zero. And SIGTERM, Lambda's normal retirement, still ends it as a signal does. A JVM build runs
 * under AWS's runtime interface client; a native build runs its own {@code bootstrap}.
 */
class ProcessExitPackagedIT {

    private static final String SSM_PATH = "/qfpay/exit";
    private static final String APP_CODE = "APPCODE0000EXIT";
    private static final String CLIENT_KEY = "SECRETKEY-EXIT-2C91";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Within a few seconds; Lambda's own time-out for a silent runtime is minutes. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(10);
    private static final int SIGTERM_STATUS = 128 + 15;

    private static boolean nativeBuild;
    private static MotoSsm ssm;
    private static QfpaySimulator simulator;
    private SnapStartRuntimeApi runtimeApi;
    private PackagedFunction function;
    private Path log;

    @BeforeAll
    static void startSsmAndQfpay() throws Exception {
        nativeBuild = PackagedArtifact.isNative();
        ssm = MotoSsm.start();
        ssm.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
        ssm.createLedgerTable("exit-cancel-ledger");
        simulator = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY);
    }

    @AfterAll
    static void stopSsmAndQfpay() {
        if (simulator != null) {
            simulator.close();
        }
        if (ssm != null) {
            ssm.close();
        }
    }

    @AfterEach
    void stopWhatIsLeft() {
        if (function != null) {
            function.close();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
    }

    @Test
    void runtimeApiGone_afterAnInvocation_processExitsNonZeroWithinSeconds(TestInfo test) throws Exception {
        startAndInvokeOnce(test);

        runtimeApi.close(); // the pending poll is cut off; every later connection is refused

        OptionalInt exitCode = function.exitCodeWithin(EXIT_LIMIT);
        assertThat(exitCode).as("exit code within %s of the Runtime API going away; %s", EXIT_LIMIT, stillRunning())
                .isPresent();
        assertThat(exitCode.getAsInt()).as("exit code (non-zero: Lambda restarts the environment)").isNotZero();
    }

    @Test
    void sigterm_afterAnInvocation_processEndsAsSignalled(TestInfo test) throws Exception {
        startAndInvokeOnce(test);

        function.terminate();

        OptionalInt exitCode = function.exitCodeWithin(EXIT_LIMIT);
        assertThat(exitCode).as("exit code within %s of SIGTERM; %s", EXIT_LIMIT, stillRunning()).isPresent();
        assertThat(exitCode.getAsInt()).as("exit code").isEqualTo(SIGTERM_STATUS);
    }

    /** Starts the packaged function on its own Runtime API and has it reverse one payment. */
    private void startAndInvokeOnce(TestInfo test) throws Exception {
        // A plain Runtime API for a runtime that never asks for a snapshot (no AWS_LAMBDA_INITIALIZATION_TYPE).
        runtimeApi = new SnapStartRuntimeApi(() -> null);
        log = Path.of("target/process-exit-packaged-it-" + test.getTestMethod().orElseThrow().getName() + ".log");
        Files.deleteIfExists(log);
        Map<String, String> environment = FunctionEnvironment.of(ssm, SSM_PATH, ssm.endpoint(), "exit-cancel-ledger",
                simulator.baseUrl());
        function = PackagedFunction.startAsBuilt(runtimeApi.address(), environment, log);
        SimPayment payment = simulator.add(new SimPayment(String.valueOf(System.nanoTime()), "EXIT-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
        String answer = runtimeApi.invoke("{\"action\":\"reverse\",\"syssn\":\"" + payment.syssn()
                + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm() + "\"}");
        assertThat(answer).as("the function's answer").doesNotStartWith("ERROR");
        assertThat(JSON.readTree(answer).path("status").asText()).as(answer).isEqualTo("REVERSED");
    }

    /** What keeps the process alive, for the failure message. */
    private String stillRunning() {
        if (!function.isAlive()) {
            return "it has exited";
        }
        try {
            String threads = nativeBuild ? "(no thread dump for a native process)"
                    : "non-daemon threads " + JvmThreads.nonDaemon(function.pid());
            return "still running, " + threads + "; its log: " + tail(Files.readString(log));
        } catch (IOException | InterruptedException e) {
            return "still running (no thread dump: " + e + ")";
        }
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 3_000));
    }
}
