package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials come from SSM over HTTP; a key rotated in QFPay and SSM is picked up after a 1108. */
@QuarkusTest
class CredentialRotationTest extends FunctionTest {

    private static final String CLIENT_KEY_PARAMETER = QfpayTestEnvironment.SSM_PATH + "/client-key";

    /** Makes sure the function holds the original key, then forgets the calls that took. */
    @BeforeEach
    void loadTheOriginalKey() {
        answer("{\"action\":\"status\",\"syssn\":\"1\"}");
        simulator.reset();
    }

    @AfterEach
    void restoreTheOriginalKey() {
        TestEnvironment.ssm().putSecure(CLIENT_KEY_PARAMETER, QfpayTestEnvironment.CLIENT_KEY);
        simulator.useClientKey(QfpayTestEnvironment.CLIENT_KEY);
        loadTheOriginalKey();
    }

    @Test
    void reverse_keyRotated_reloadsFromSsmOnceAndSucceeds() {
        SimPayment payment = payment("800101", Script.PENDING);
        TestEnvironment.ssm().putSecure(CLIENT_KEY_PARAMETER, "ROTATED-KEY-0001");
        simulator.useClientKey("ROTATED-KEY-0001");

        JsonPath result = answer(reverseEvent(payment));

        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(simulator.calls()).extracting(RecordedCall::operation, RecordedCall::respcd).containsExactly(
                tuple("query", "1108"),
                tuple("query", "0000"),
                tuple("reversal", "0000"),
                tuple("query", "0000"));
    }

    @Test
    void reverse_keyRejectedEvenAfterReload_throwsConfigurationAndSendsNoCancel() {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.useClientKey("A-KEY-NOBODY-HAS");

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(error.getString("errorMessage")).contains("1108").contains("even after reloading");
        assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query", "query");
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void reverse_clientKeyParameterMissing_namesTheParameterNotTheValue() {
        SimPayment payment = payment("800101", Script.PENDING);
        simulator.useClientKey("A-KEY-NOBODY-HAS");
        TestEnvironment.ssm().delete(CLIENT_KEY_PARAMETER);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(error.getString("errorMessage")).contains(CLIENT_KEY_PARAMETER)
                .doesNotContain(QfpayTestEnvironment.CLIENT_KEY);
    }
}
