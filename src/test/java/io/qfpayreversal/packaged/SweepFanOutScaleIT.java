package io.qfpayreversal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionEnvironment;
import io.qfpayreversal.testing.LoopbackServer;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.PackagedArtifact;
import io.qfpayreversal.testing.PackagedFunction;
import io.qfpayreversal.testing.SnapStartRuntimeApi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's proof at scale: SweepFanOut, as template.yaml defines it, run by moto's Step Functions
 * interpreter ({@code src/test/deploy/fanout_run.py}), sweeps an agent's 50 sub-merchants with 20
 * stale payments each. Each {@code lambda:invoke} of SweepFunction comes back here over HTTP and is
 * handed to the real {@code target/function.zip} (the JVM package under AWS's runtime interface
 * client, or the native bootstrap), {@link #FUNCTIONS} of them polling one Runtime API as that many
 * Lambda execution environments, against the QFPay simulator playing the agent, and SSM and the
 * cancel ledger on moto_server. Writes its figures to {@code target/sweep-fan-out-scale.md}.
 */
class SweepFanOutScaleIT {

    static final int MERCHANTS = 50;
    static final int STALE_PER_MERCHANT = 20;
    /** Execution environments, and the fan-out's concurrency (the template's default). */
    static final int FUNCTIONS = 10;
    /** QFPAY_SWEEP_RATE_PER_MINUTE's default: QFPay calls a merchant's run may make in a minute. */
    static final int RATE_PER_MINUTE = 300;

    private static final String SSM_PATH = "/qfpay/agent";
    private static final String APP_CODE = "AGENTAPPCODE0001";
    private static final String CLIENT_KEY = "SECRETKEY-AGENT-SCALE-9F1C";
    private static final String LEDGER = "agent-cancel-ledger";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOG = Path.of("target/sweep-fan-out-scale-it.log");
    private static final Path FIGURES = Path.of("target/sweep-fan-out-scale.md");
    private static final Path RUNNER = Path.of("src/test/deploy/fanout_run.py");

    private static MotoSsm moto;
    private static QfpaySimulator simulator;
    private static SnapStartRuntimeApi runtimeApi;
    private static HttpServer bridge;
    private static final List<PackagedFunction> ENVIRONMENTS = new ArrayList<>();
    private static final List<String> MCHIDS = IntStream.rangeClosed(1, MERCHANTS)
            .mapToObj(i -> String.format("SUB%04d", i)).toList();
    private static final Map<String, SimPayment> PAYMENTS = new TreeMap<>();

    @BeforeAll
    static void startAnAgentsWorld() throws Exception {
        assertThat(Path.of("src/test/deploy/node_modules/jsonata/package.json"))
                .as("run `npm ci` in src/test/deploy (scripts/tools.sh, which make test runs, does)").exists();
        moto = MotoSsm.start();
        moto.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
        moto.createLedgerTable(LEDGER);
        simulator = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY);
        simulator.actAsAgentFor(MCHIDS.toArray(String[]::new));
        LocalDateTime stale = LocalDateTime.now(HK).withNano(0).minusHours(1);
        long serial = 20261207000000000L;
        for (String mchid : MCHIDS) {
            for (int i = 0; i < STALE_PER_MERCHANT; i++) {
                String syssn = String.valueOf(++serial);
                PAYMENTS.put(syssn, simulator.add(new SimPayment(syssn, mchid + "-ORDER-" + i, "800101", 1000 + i,
                        stale.minusSeconds(i), Script.PENDING).ofMerchant(mchid)));
            }
        }
        runtimeApi = new SnapStartRuntimeApi(() -> null); // a plain Runtime API, polled by every environment
        Map<String, String> environment = FunctionEnvironment.of(moto, SSM_PATH, moto.endpoint(), LEDGER,
                simulator.baseUrl());
        // As template.yaml configures SweepFunction with a merchant list.
        environment.put("QFPAY_SWEEP_ENABLED", "true");
        environment.put("QFPAY_ALLOWED_MCHIDS", "*");
        // moto is a Python server on the same two cores as ten JVMs making their first calls: it can
        // take seconds to answer then, where DynamoDB takes milliseconds. With the 1 s default a few
        // ledger writes time out, and those payments are (safely) left for the next run.
        environment.put("QFPAY_LEDGER_ATTEMPT_TIMEOUT", "5s");
        environment.put("QFPAY_LEDGER_CALL_TIMEOUT", "15s");
        Files.deleteIfExists(LOG);
        Path taskRoot = PackagedFunction.unpack(Path.of("target/function.zip"));
        // One after another, each until it polls: the runtime interface client unpacks its native
        // library to one path in /tmp, which processes starting at once overwrite under each other.
        for (int i = 0; i < FUNCTIONS; i++) {
            ENVIRONMENTS.add(PackagedArtifact.isNative()
                    ? PackagedFunction.startUnpackedNative(taskRoot, List.of(), runtimeApi.address(), environment, LOG)
                    : PackagedFunction.start(PackagedFunction.classPathOf(taskRoot), runtimeApi.address(), environment,
                            List.of(), LOG));
            assertThat(runtimeApi.awaitPolls(i + 1, Duration.ofSeconds(90)))
                    .as("execution environment %d polls for invocations (see %s)", i + 1, LOG).isTrue();
        }
        bridge = LoopbackServer.start("/invoke", SweepFanOutScaleIT::invoke);
    }

    /** One lambda:invoke from the state machine: handed to whichever environment polls next. */
    private static void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = runtimeApi.invoke(payload);
            boolean error = answer.startsWith("ERROR ");
            ObjectNode body = JSON.createObjectNode().put("error", error);
            body.set("payload", JSON.readTree(error ? answer.substring("ERROR ".length()) : answer));
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    @AfterAll
    static void stop() {
        ENVIRONMENTS.forEach(PackagedFunction::close);
        if (bridge != null) {
            LoopbackServer.stop(bridge);
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void fanOut_sweepsEverySubMerchant_cancellingEachStalePaymentOnce_everyCallNamingItsMerchant() throws Exception {
        JsonNode run = runTheStateMachine();

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonNode out = run.path("output");
        assertThat(out.path("merchants").asInt()).isEqualTo(MERCHANTS);
        assertThat(out.path("merchants_swept").asInt()).isEqualTo(MERCHANTS);
        assertThat(out.path("merchants_failed").asInt()).isZero();
        assertThat(out.path("totals").path("reversed").asInt()).isEqualTo(MERCHANTS * STALE_PER_MERCHANT);
        assertThat(out.path("totals").path("candidates").asInt()).isEqualTo(MERCHANTS * STALE_PER_MERCHANT);
        assertThat(out.path("per_merchant").size()).isEqualTo(MERCHANTS);

        // Every stale payment cancelled exactly once: one reversal sent for it, and QFPay's row shows it.
        List<RecordedCall> calls = simulator.calls();
        Map<String, Long> reversals = simulator.calls("reversal").stream()
                .collect(Collectors.groupingBy(c -> c.params().get("syssn"), Collectors.counting()));
        assertThat(reversals).hasSize(PAYMENTS.size()).allSatisfy((syssn, sent) -> assertThat(sent).isEqualTo(1L));
        assertThat(PAYMENTS.values()).allSatisfy(p -> assertThat(p.cancel()).isEqualTo(1));
        // No call without its mchid: every listing, query and cancel named a served sub-merchant, and
        // each cancel the merchant its payment belongs to.
        assertThat(calls).allSatisfy(c -> assertThat(MCHIDS).contains(c.params().get("mchid")));
        assertThat(simulator.calls("reversal")).allSatisfy(c ->
                assertThat(c.params().get("mchid")).isEqualTo(PAYMENTS.get(c.params().get("syssn")).mchid()));

        writeFigures(run, calls);
    }

    private static JsonNode runTheStateMachine() throws Exception {
        Process python = new ProcessBuilder("python3", RUNNER.toString(),
                "--invoke", "http://127.0.0.1:" + bridge.getAddress().getPort() + "/invoke",
                "--mchids", String.join(",", MCHIDS), "--concurrency", String.valueOf(FUNCTIONS))
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target/sweep-fan-out-scale-runner.log").toFile()))
                .start();
        String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(15, TimeUnit.MINUTES)).as("the runner ended").isTrue();
        assertThat(python.exitValue()).as("runner exit (see target/sweep-fan-out-scale-runner.log): " + printed).isZero();
        String[] lines = printed.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    /** The wall time, and each merchant's QFPay call rate over its run against the configured rate. */
    private static void writeFigures(JsonNode run, List<RecordedCall> calls) throws IOException {
        Map<String, List<RecordedCall>> byMerchant = calls.stream()
                .collect(Collectors.groupingBy(c -> c.params().get("mchid")));
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (List<RecordedCall> merchant : byMerchant.values()) {
            Instant first = merchant.stream().map(RecordedCall::at).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = merchant.stream().map(RecordedCall::at).max(Comparator.naturalOrder()).orElseThrow();
            Duration span = Duration.between(first, last);
            seconds.add(span.toMillis() / 1000.0);
            rates.add((merchant.size() - 1) * 60_000.0 / Math.max(1, span.toMillis()));
        }
        Collections.sort(rates);
        Collections.sort(seconds);
        double wall = run.path("wall_seconds").asDouble();
        String figures = String.join("\n",
                "# SweepFanOut at scale (SweepFanOutScaleIT)",
                "",
                String.format("- %d sub-merchants x %d stale payments, %s package, %d execution environments,"
                        + " concurrency %d, on %d cores", MERCHANTS, STALE_PER_MERCHANT,
                        PackagedArtifact.isNative() ? "native" : "JVM", FUNCTIONS, FUNCTIONS,
                        Runtime.getRuntime().availableProcessors()),
                String.format("- execution wall time: %.1f s (%d invocations); QFPay calls: %d (%.1f a merchant)",
                        wall, run.path("invocations").asInt(), calls.size(), calls.size() / (double) MERCHANTS),
                String.format("- a merchant's run, first to last QFPay call: median %.1f s, max %.1f s",
                        seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1)),
                String.format("- QFPay calls a minute per merchant: median %.0f, max %.0f (configured %d; QFPay allows 400)",
                        rates.get(rates.size() / 2), rates.get(rates.size() - 1), RATE_PER_MINUTE),
                String.format("- all merchants together: %.0f calls a minute", calls.size() * 60 / wall),
                "");
        Files.writeString(FIGURES, figures);
        System.out.println(figures);
    }
}
