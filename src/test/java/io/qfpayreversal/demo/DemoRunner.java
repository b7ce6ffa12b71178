package io.qfpayreversal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.MotoSsm;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make demo}: starts SSM on moto_server with the credentials, the QFPay simulator with a few
 * payments, then runs the packaged function (unpacked {@code function.zip}, in its own JVM, see
 * {@link LocalLambda}) on one event per case and prints each normalised answer.
 */
public final class DemoRunner {

    private static final String SSM_PATH = "/qfpay/demo";
    private static final String APP_CODE = "DEMOAPPCODE0001";
    private static final String CLIENT_KEY = "DEMO-CLIENT-KEY-NOT-A-SECRET";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEDGER_TABLE = "demo-cancel-ledger";

    public static void main(String[] args) throws Exception {
        Path function = Path.of(args[0]);
        try (MotoSsm ssm = MotoSsm.start();
                QfpaySimulator qfpay = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY)) {
            ssm.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
            ssm.createLedgerTable(LEDGER_TABLE);
            Map<String, String> cases = cases(qfpay);
            List<String> answers = runFunction(function, List.copyOf(cases.values()), qfpay, ssm);
            int i = 0;
            for (Map.Entry<String, String> c : cases.entrySet()) {
                System.out.println();
                System.out.println("== " + c.getKey());
                System.out.println("   event:  " + c.getValue());
                System.out.println("   answer: " + summary(answers.get(i++)));
            }
            System.out.println();
            System.out.printf("QFPay simulator saw %d calls: %s%n", qfpay.calls().size(),
                    qfpay.calls().stream().map(call -> call.method() + " " + call.operation()).toList());
        }
    }

    private static Map<String, String> cases(QfpaySimulator qfpay) {
        LocalDateTime paidAt = LocalDateTime.now(ZoneId.of("Asia/Hong_Kong")).withNano(0).minusMinutes(3);
        Map<String, String> cases = new LinkedHashMap<>();
        SimPayment alipay = qfpay.add(new SimPayment("20261125000100001", "DEMO-ALIPAY-1", "800101", 2500, paidAt,
                Script.PENDING));
        cases.put("Alipay MPM payment not yet paid -> reversal", reverse(alipay));
        SimPayment wechat = qfpay.add(new SimPayment("20261125000100002", "DEMO-WECHAT-CPM-1", "800008", 1800,
                paidAt, Script.PENDING));
        cases.put("WeChat CPM payment not yet paid -> close", reverse(wechat));
        cases.put("The same reversal retried -> nothing sent twice", reverse(alipay));
        SimPayment paid = qfpay.add(new SimPayment("20261125000100003", "DEMO-PAID-1", "800101", 9900, paidAt,
                Script.PAID));
        cases.put("Payment already completed -> refund required", reverse(paid));
        SimPayment slow = qfpay.add(new SimPayment("20261125000100004", "DEMO-PROCESSING-1", "800201", 500, paidAt,
                Script.PROCESSING_FOREVER));
        cases.put("Wallet still processing the reversal -> PROCESSING, retry later", reverse(slow));
        SimPayment racing = qfpay.add(new SimPayment("20261125000100006", "DEMO-RACE-1", "800101", 2500, paidAt,
                Script.PENDING)).otherCancelInFlight(1);
        cases.put("Another caller's reversal in flight (QFPay answers 1102) -> settled by querying", reverse(racing));
        cases.put("Status of the processing payment", "{\"action\":\"status\",\"syssn\":\"" + slow.syssn() + "\"}");
        cases.put("Invalid input -> InvalidRequestException, nothing sent",
                "{\"syssn\":\"20261125-000100005!\",\"txamt\":-100,\"txdtm\":\"2026-02-30 10:00:00\"}");
        return cases;
    }

    private static String reverse(SimPayment payment) {
        return "{\"action\":\"reverse\",\"syssn\":\"" + payment.syssn() + "\",\"txamt\":" + amount(payment)
                + ",\"txdtm\":\"" + payment.txdtm() + "\"}";
    }

    private static long amount(SimPayment payment) {
        return switch (payment.outTradeNo()) {
            case "DEMO-WECHAT-CPM-1" -> 1800;
            case "DEMO-PAID-1" -> 9900;
            case "DEMO-PROCESSING-1" -> 500;
            default -> 2500;
        };
    }

    private static List<String> runFunction(Path functionZip, List<String> events, QfpaySimulator qfpay, MotoSsm ssm)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QFPAY_BASE_URL", qfpay.baseUrl());
        env.put("QFPAY_SSM_PATH", SSM_PATH);
        env.put("QFPAY_POLL_BUDGET", "3s");
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint());
        env.put("QFPAY_LEDGER_TABLE", LEDGER_TABLE);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", ssm.endpoint());
        env.put("AWS_REGION", MotoSsm.REGION);
        env.put("AWS_ACCESS_KEY_ID", "demo");
        env.put("AWS_SECRET_ACCESS_KEY", "demo");
        return PackagedRun.answers(functionZip, events, env, Path.of("target", "demo-function.log"));
    }

    /** The answer with its most telling fields first, on one line. */
    private static String summary(String answer) throws Exception {
        JsonNode node = JSON.readTree(answer);
        if (node.has("errorType")) {
            return "ERROR " + node.get("errorType").asText() + ": " + node.get("errorMessage").asText();
        }
        return String.format("%s (operation=%s, already_cancelled=%s, respcd=%s, retryable=%s)%n           %s%n           %s",
                node.get("status").asText(), node.get("operation").asText(), node.get("already_cancelled").asText(),
                node.get("respcd").asText(), node.get("retryable").asText(), node.get("message").asText(), answer);
    }
}
