package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reversal function as deployed: one configured merchant, no other allowed, no sweep. A caller
 * can neither act for another merchant nor start a sweep (or a dry run), and nothing reaches QFPay.
 */
@QuarkusTest
@TestProfile(LeastAuthorityTest.ProductionDefaults.class)
class LeastAuthorityTest extends FunctionTest {

    static final String CONFIGURED_MCHID = "MCH0000000001";

    public static class ProductionDefaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.mchid", CONFIGURED_MCHID,
                    "qfpay.allowed-mchids", "",
                    "qfpay.sweep.enabled", "false");
        }
    }

    private static String withMchid(String event, String mchid) {
        return event.substring(0, event.length() - 1) + ",\"mchid\":\"" + mchid + "\"}";
    }

    @Test
    void reverse_anotherMerchant_isInvalidNamingMchidAndSendsNothing() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error(withMchid(reverseEvent(payment), "OTHERSUBMCH01"));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("mchid:").doesNotContain("OTHERSUBMCH01");
        assertThat(simulator.calls()).isEmpty();
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void status_anotherMerchant_isInvalidToo() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error(withMchid(statusEvent(payment), "OTHERSUBMCH01"));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("mchid:");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void reverse_theConfiguredMerchantOrNone_actsForTheConfiguredMerchant() {
        SimPayment named = payment("800101", Script.PENDING);
        SimPayment unnamed = payment("800101", Script.PENDING);

        assertThat(answer(withMchid(reverseEvent(named), CONFIGURED_MCHID)).getString("status")).isEqualTo("REVERSED");
        assertThat(answer(reverseEvent(unnamed)).getString("status")).isEqualTo("REVERSED");

        assertThat(simulator.calls()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.params().get("mchid")).isEqualTo(CONFIGURED_MCHID));
    }

    @Test
    void apiPost_anotherMerchant_is400NamingMchid() {
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
        ObjectNode event = Fixtures.event("apigw-rest-post-reversals.json");
        event.put("body", "{\"syssn\":\"20261125000300001\",\"txamt\":2500,\"txdtm\":\"2026-11-25 10:00:00\","
                + "\"mchid\":\"OTHERSUBMCH01\"}");

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(new JsonPath(response.getString("body")).getList("violations.field")).containsExactly("mchid");
        assertThat(simulator.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"action\":\"sweep\"}",
        "{\"action\":\"sweep\",\"dry_run\":true}",
        "{\"action\":\"sweep\",\"older_than_minutes\":1,\"lookback_minutes\":44640}",
    })
    void sweep_onTheReversalFunction_isRefusedAndSendsNothing(String event) {
        payment("800101", Script.PENDING);

        JsonPath error = error(event);

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("action:").contains("QFPAY_SWEEP_ENABLED");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void scheduledEvent_onTheReversalFunction_isRefusedAndSendsNothing() {
        payment("800101", Script.PENDING);

        JsonPath error = error(Fixtures.event("eventbridge-scheduled-event.json").toString());

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(simulator.calls()).extracting(RecordedCall::operation).isEmpty();
    }
}
