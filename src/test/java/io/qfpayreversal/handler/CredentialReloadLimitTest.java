package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the production interval (1 minute), a key QFPay keeps rejecting sends one container to SSM
 * once per interval, not on every invocation; after the interval it reloads again.
 */
@QuarkusTest
@TestProfile(CredentialReloadLimitTest.ProductionInterval.class)
class CredentialReloadLimitTest extends FunctionTest {

    public static class ProductionInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.credentials-reload-interval", "1m");
        }
    }

    @AfterEach
    void qfpayAcceptsTheKeyAgain() {
        simulator.useClientKey(QfpayTestEnvironment.CLIENT_KEY);
    }

    @Test
    void rejectedKey_isReloadedAtMostOncePerInterval() {
        SimPayment payment = payment("800101", Script.PENDING);
        answer(statusEvent(payment)); // the function holds the key
        simulator.useClientKey("A-KEY-NOBODY-HAS");
        simulator.reset();
        payment = payment("800101", Script.PENDING);

        JsonPath first = error(reverseEvent(payment));
        assertThat(first.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
        assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query", "query");

        VirtualTime.get().advance(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            simulator.reset();
            payment = payment("800101", Script.PENDING);
            JsonPath again = error(reverseEvent(payment));
            assertThat(again.getString("errorType")).isEqualTo("io.qfpayreversal.error.ConfigurationException");
            assertThat(again.getString("errorMessage")).contains("1108").contains("less than 60 s ago");
            // one query, no reload from SSM and so no second query
            assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query");
        }

        VirtualTime.get().advance(Duration.ofSeconds(31));
        simulator.reset();
        payment = payment("800101", Script.PENDING);
        error(reverseEvent(payment));
        assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query", "query");
        assertThat(payment.cancel()).isZero();
    }
}
