package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The other documented wire options: SHA256 signatures and close by POST. */
@QuarkusTest
@TestProfile(WireVariantsTest.Sha256AndPostClose.class)
class WireVariantsTest extends FunctionTest {

    public static class Sha256AndPostClose implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.sign-type", "SHA256", "qfpay.close-method", "POST");
        }
    }

    @Test
    void reverse_sha256_signsEveryCallWithSha256AndQfpayAccepts() {
        SimPayment payment = payment("800101", Script.PENDING);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("REVERSED");
        assertThat(simulator.calls()).extracting(RecordedCall::signType).containsOnly("SHA256");
        assertThat(simulator.calls()).extracting(RecordedCall::respcd).containsOnly("0000");
        assertThat(simulator.calls().get(0).sign()).hasSize(64);
    }

    @Test
    void reverse_closeMethodPost_closesWithPost() {
        SimPayment payment = payment("800208", Script.PENDING);

        assertThat(answer(reverseEvent(payment)).getString("status")).isEqualTo("CLOSED");
        assertThat(simulator.calls("close")).extracting(RecordedCall::method).containsExactly("POST");
    }
}
