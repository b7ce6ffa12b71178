package io.qfpayreversal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.event.EventShape;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.MotoSsm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code make invoke EVENT=…}: runs one event through the packaged function (see {@link PackagedRun}).
 * With {@code QFPAY_BASE_URL} set, against that QFPay host with the credentials of this environment
 * ({@code QFPAY_APP_CODE}, {@code QFPAY_CLIENT_KEY}, optional {@code QFPAY_MCHID}, or
 * {@code QFPAY_SSM_PATH}); without it, against the local QFPay simulator holding a payment that
 * matches the event ({@code SCRIPT} picks how it behaves, {@code PENDING} by default), the sweep
 * enabled as on the sweep function.
 */
public final class InvokeRunner {

    private static final String APP_CODE = "INVOKEAPPCODE01";
    private static final String CLIENT_KEY = "INVOKE-CLIENT-KEY-NOT-A-SECRET";
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOG = Path.of("target", "invoke-function.log");
    private static final String LEDGER_TABLE = "invoke-cancel-ledger";

    public static void main(String[] args) throws Exception {
        Path function = Path.of(args[0]);
        Path eventFile = Path.of(args[1]);
        JsonNode event = JSON.readTree(Files.readString(eventFile));
        String baseUrl = System.getenv("QFPAY_BASE_URL");
        String answer;
        if (baseUrl != null && !baseUrl.isBlank()) {
            if (isBlank("QFPAY_SSM_PATH") && (isBlank("QFPAY_APP_CODE") || isBlank("QFPAY_CLIENT_KEY"))) {
                System.err.println("make invoke: QFPAY_BASE_URL is set, so QFPAY_APP_CODE and QFPAY_CLIENT_KEY"
                        + " (or QFPAY_SSM_PATH) must be too.");
                System.exit(2);
            }
            if (!isBlank("QFPAY_SSM_PATH") && isBlank("QFPAY_LEDGER_TABLE")) {
                System.err.println("make invoke: with QFPAY_SSM_PATH (real AWS), name the cancel ledger's table in"
                        + " QFPAY_LEDGER_TABLE too; without SSM a local moto_server plays it.");
                System.exit(2);
            }
            System.err.println("QFPay: " + baseUrl + " (credentials from this environment)");
            try (MotoSsm ledger = localLedger()) {
                Map<String, String> env = new LinkedHashMap<>();
                ledgerSettings(ledger, env);
                answer = run(function, event, env);
            }
        } else {
            try (QfpaySimulator qfpay = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY); MotoSsm ledger = localLedger()) {
                script(qfpay, event);
                Map<String, String> env = new LinkedHashMap<>();
                ledgerSettings(ledger, env);
                env.put("QFPAY_BASE_URL", qfpay.baseUrl());
                env.put("QFPAY_APP_CODE", APP_CODE);
                env.put("QFPAY_CLIENT_KEY", CLIENT_KEY);
                env.put("QFPAY_SSM_PATH", null);
                // The simulator plays the sweep function's QFPay too, so every sample event runs.
                env.put("QFPAY_SWEEP_ENABLED", "true");
                answer = run(function, event, env);
                System.err.printf("QFPay simulator saw %d calls: %s%n", qfpay.calls().size(),
                        qfpay.calls().stream().map(call -> call.operation() + "=" + call.respcd()).toList());
            }
        }
        System.err.println("(the function's own log lines are in " + LOG + ")");
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(answer)));
    }

    /**
     * The cancel ledger: the one {@code QFPAY_LEDGER_TABLE} (and AWS settings) of this environment
     * names, else a table in a local moto_server ({@code null} then means "given").
     */
    private static MotoSsm localLedger() throws Exception {
        if (!isBlank("QFPAY_LEDGER_TABLE")) {
            return null;
        }
        MotoSsm moto = MotoSsm.start();
        moto.createLedgerTable(LEDGER_TABLE);
        System.err.println("Cancel ledger: table " + LEDGER_TABLE + " in a local moto_server");
        return moto;
    }

    private static void ledgerSettings(MotoSsm ledger, Map<String, String> env) {
        if (ledger == null) {
            return;
        }
        env.put("QFPAY_LEDGER_TABLE", LEDGER_TABLE);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", ledger.endpoint());
        env.put("AWS_REGION", MotoSsm.REGION);
        env.put("AWS_ACCESS_KEY_ID", MotoSsm.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", MotoSsm.SECRET_KEY);
    }

    private static String run(Path function, JsonNode event, Map<String, String> env) throws Exception {
        List<String> answers = PackagedRun.answers(function, List.of(JSON.writeValueAsString(event)), env, LOG);
        if (answers.size() != 1) {
            throw new IllegalStateException("the function gave " + answers.size() + " answers to one event");
        }
        return answers.get(0);
    }

    /** Puts into the simulator what the event is about: one payment, or stale ones for a sweep. */
    private static void script(QfpaySimulator qfpay, JsonNode event) {
        JsonNode input = input(event);
        LocalDateTime now = LocalDateTime.now(HK).withNano(0);
        if (input == null) {
            Script script = script(Script.PENDING);
            qfpay.add(new SimPayment("20261127000900001", "SWEEP-REVERSAL-1", "800101", 1200, now.minusMinutes(30),
                    script));
            qfpay.add(new SimPayment("20261127000900002", "SWEEP-CLOSE-1", "800008", 3400, now.minusMinutes(40),
                    script));
            System.err.println("QFPay simulator: two payments pending for 30 and 40 minutes (" + script + ")");
            return;
        }
        try {
            String syssn = input.path("syssn").asText("20261127000900003");
            String outTradeNo = input.path("out_trade_no").asText("INVOKE-" + syssn);
            long txamt = input.hasNonNull("txamt") ? Long.parseLong(input.get("txamt").asText()) : 2500;
            LocalDateTime txdtm = input.hasNonNull("txdtm")
                    ? LocalDateTime.parse(input.get("txdtm").asText(), QfpaySimulator.TIME) : now.minusMinutes(3);
            String payType = input.path("pay_type").asText("800101");
            Script script = script(Script.PENDING);
            qfpay.add(new SimPayment(syssn, outTradeNo, payType, txamt, txdtm, script));
            System.err.printf("QFPay simulator: payment syssn=%s out_trade_no=%s pay_type=%s txamt=%d txdtm=%s (%s)%n",
                    syssn, outTradeNo, payType, txamt, txdtm.format(QfpaySimulator.TIME), script);
        } catch (RuntimeException e) {
            System.err.println("QFPay simulator: no payment (the event names none it could read)");
        }
    }

    /** The request inside the event ({@code null} for a sweep): the body or query of an API call, or the event. */
    private static JsonNode input(JsonNode event) {
        EventShape shape = EventShape.of(event);
        if (shape == EventShape.SCHEDULED) {
            return null;
        }
        if (shape == EventShape.DIRECT) {
            return "sweep".equals(event.path("action").asText()) ? null : event;
        }
        JsonNode body = event.path("body");
        if (body.isTextual()) {
            String text = event.path("isBase64Encoded").asBoolean()
                    ? new String(Base64.getDecoder().decode(body.textValue()), StandardCharsets.UTF_8)
                    : body.textValue();
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }
        return event.path("queryStringParameters");
    }

    private static Script script(Script fallback) {
        String name = System.getenv("SCRIPT");
        return name == null || name.isBlank() ? fallback : Script.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean isBlank(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank();
    }
}
