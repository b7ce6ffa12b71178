package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the start-up prefetch on, credentials are loaded before the first event arrives. */
@QuarkusTest
@TestProfile(ColdStartPrefetchTest.PrefetchOn.class)
class ColdStartPrefetchTest extends FunctionTest {

    public static class PrefetchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.prefetch-at-startup", "true");
        }
    }

    @Inject
    CredentialsProvider credentials;

    @Test
    void credentialsAreLoadedAtStartup_soTheFirstInvocationNeedsNoSsm() throws Exception {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (!credentials.loaded() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(credentials.loaded()).as("loaded by the start-up prefetch, before any invocation").isTrue();

        // The credentials leave SSM (moto stays up: it is the cancel ledger's DynamoDB too); an
        // invocation that read SSM now would fail with "credentials missing".
        MotoSsm ssm = TestEnvironment.ssm();
        SimPayment payment = payment("800101", Script.PENDING);
        ssm.delete(QfpayTestEnvironment.SSM_PATH + "/app-code");
        ssm.delete(QfpayTestEnvironment.SSM_PATH + "/client-key");
        try {
            assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REVERSED");
        } finally {
            ssm.putCredentials(QfpayTestEnvironment.SSM_PATH, QfpayTestEnvironment.APP_CODE,
                    QfpayTestEnvironment.CLIENT_KEY);
        }
    }
}
