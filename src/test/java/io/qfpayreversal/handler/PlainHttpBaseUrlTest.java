package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * QFPAY_BASE_URL over plain http to a host not written as a loopback address is a configuration
 * error, and nothing is sent (the app code and signatures would travel in clear text). The host here
 * is the IPv4-mapped form of 127.0.0.1, so the test itself never sends anything off this machine.
 */
@QuarkusTest
@TestProfile(PlainHttpBaseUrlTest.PlainHttp.class)
class PlainHttpBaseUrlTest extends FunctionTest {

    public static class PlainHttp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.base-url", "http://[::ffff:127.0.0.1]:9");
        }
    }

    @Test
    void reverse_plainHttpBaseUrl_isConfigurationErrorAndSendsNothing() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(error.getString("errorMessage")).contains("QFPAY_BASE_URL must be an https URL");
        assertThat(simulator.calls()).isEmpty();
    }
}
