package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** SSM down when the credentials must be (re)loaded: a clear error, no poisoned cache. */
@QuarkusTest
class SsmFaultTest extends FunctionTest {

    @Test
    void ssmUnreachableDuringReload_isConfigurationErrorAndTheNextInvocationLoadsAgain() throws Exception {
        MotoSsm ssm = TestEnvironment.ssm();
        SimPayment payment = payment("800101", Script.PENDING);
        answer(statusEvent(payment)); // the function holds the current key
        simulator.useClientKey("ROTATED-KEY-0002"); // QFPay now wants a key the function must reload
        ssm.stop();
        JsonPath error;
        try {
            error = error(reverseEvent(payment));
        } finally {
            ssm.restart();
            ssm.putCredentials(QfpayTestEnvironment.SSM_PATH, QfpayTestEnvironment.APP_CODE, "ROTATED-KEY-0002");
        }

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(error.getString("errorMessage")).contains("Could not load QFPay credentials from SSM path /qfpay/test")
                .doesNotContain(QfpayTestEnvironment.CLIENT_KEY);
        assertThat(payment.cancel()).isZero();

        // SSM is back with the rotated key: the very next invocation loads it and succeeds.
        JsonPath result = answer(reverseEvent(payment));
        assertThat(result.getString("status")).isEqualTo("REVERSED");

        ssm.putSecure(QfpayTestEnvironment.SSM_PATH + "/client-key", QfpayTestEnvironment.CLIENT_KEY);
        simulator.useClientKey(QfpayTestEnvironment.CLIENT_KEY);
        answer(statusEvent(payment));
    }
}
