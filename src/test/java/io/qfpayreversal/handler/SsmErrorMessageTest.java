package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LogCapture;
import io.qfpayreversal.testing.LoopbackServer;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSM refuses the function's role: AWS's message names the role ARN, the account and the parameter
 * ARN. That text goes to the log for operators, never into the thrown error (which Step Functions
 * shows to whoever can read the execution).
 */
@QuarkusTest
class SsmErrorMessageTest extends FunctionTest {

    private static final String AWS_MESSAGE = "User: arn:aws:sts::123456789012:assumed-role/qfpay-reversal-role/"
            + "qfpay-reversal is not authorized to perform: ssm:GetParameters on resource: "
            + "arn:aws:ssm:us-east-1:123456789012:parameter/qfpay/test/app-code because no identity-based policy"
            + " allows the ssm:GetParameters action";

    @Test
    void ssmAccessDenied_errorNamesThePathAndTheCodeButNoArn() throws Exception {
        MotoSsm ssm = TestEnvironment.ssm();
        SimPayment payment = payment("800101", Script.PENDING);
        answer(statusEvent(payment)); // the function holds the key
        simulator.useClientKey("ROTATED-KEY-0003"); // a reload from SSM is needed
        int port = URI.create(ssm.endpoint()).getPort();
        ssm.stop();
        JsonPath error;
        List<String> logs;
        HttpServer denying = LoopbackServer.create(port);
        denying.createContext("/", exchange -> {
            byte[] body = ("{\"__type\":\"AccessDeniedException\",\"message\":\"" + AWS_MESSAGE + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        denying.start();
        try (LogCapture capture = LogCapture.open()) {
            error = error(reverseEvent(payment));
            logs = capture.lines();
        } finally {
            denying.stop(0);
            ssm.restart();
            ssm.putCredentials(QfpayTestEnvironment.SSM_PATH, QfpayTestEnvironment.APP_CODE,
                    QfpayTestEnvironment.CLIENT_KEY);
            simulator.useClientKey(QfpayTestEnvironment.CLIENT_KEY);
        }

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(error.getString("errorMessage"))
                .contains("Could not load QFPay credentials from SSM path /qfpay/test")
                .contains("AccessDeniedException")
                .doesNotContain("arn:").doesNotContain("123456789012").doesNotContain("qfpay-reversal-role");
        assertThat(String.join("\n", logs)).contains("arn:aws:sts::123456789012:assumed-role/qfpay-reversal-role");
        assertThat(payment.cancel()).isZero();
        answer(statusEvent(payment)); // SSM and the key are back for the next tests
    }
}
