package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * An agent's app code: direct invocations may act for the sub-merchants QFPAY_ALLOWED_MCHIDS lists;
 * API callers only for those their own QFPAY_CALLER_MCHIDS entry lists (by caller ARN).
 */
@QuarkusTest
@TestProfile(AgentMerchantsTest.Agent.class)
class AgentMerchantsTest extends FunctionTest {

    private static final String POS_ROLE = "arn:aws:sts::123456789012:assumed-role/pos-terminals";
    private static final String WORKFLOW_ROLE = "arn:aws:sts::123456789012:assumed-role/payments-workflow";

    public static class Agent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.mchid", "AGENT00000001",
                    "qfpay.allowed-mchids", "SUB0000000001,SUB0000000002",
                    "qfpay.caller-mchids", POS_ROLE + "=SUB0000000001 ; " + WORKFLOW_ROLE + "/special=*");
        }
    }

    private SimPayment apiPayment() {
        return simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
    }

    private static String direct(SimPayment payment, String mchid) {
        return "{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm()
                + "\",\"mchid\":\"" + mchid + "\"}";
    }

    private static JsonPath post(String callerArn, String mchid) {
        ObjectNode event = Fixtures.event("apigw-rest-post-reversals.json");
        ((ObjectNode) event.path("requestContext").path("identity")).put("userArn", callerArn);
        event.put("body", "{\"syssn\":\"20261125000300001\",\"txamt\":2500,\"txdtm\":\"2026-11-25 10:00:00\","
                + "\"mchid\":\"" + mchid + "\"}");
        return answer(event.toString());
    }

    @Test
    void direct_aListedSubMerchant_isSentAsNamed() {
        SimPayment payment = payment("800101", Script.PENDING);

        assertThat(answer(direct(payment, "SUB0000000002")).getString("status")).isEqualTo("REVERSED");
        assertThat(simulator.calls()).allSatisfy(call -> assertThat(call.params().get("mchid")).isEqualTo("SUB0000000002"));
    }

    @Test
    void direct_anUnlistedMerchant_isInvalid() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error(direct(payment, "SUB0000000003"));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("mchid:");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void sweep_withoutMchid_sweepsTheConfiguredMerchant_andNamesIt() {
        SimPayment stale = simulator.add(new SimPayment("20261125000300009", "STALE-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusHours(1), Script.PENDING));

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getString("mchid")).isEqualTo("AGENT00000001");
        assertThat(summary.getList("items.mchid")).containsExactly("AGENT00000001");
        assertThat(stale.cancel()).isEqualTo(1);
        assertThat(simulator.calls()).allSatisfy(call -> assertThat(call.params().get("mchid")).isEqualTo("AGENT00000001"));
    }

    @Test
    void api_aCallerActsOnlyForItsOwnSubMerchants() {
        apiPayment();

        JsonPath otherSub = post(POS_ROLE + "/till-7", "SUB0000000002"); // allowed to direct callers, not to this one
        assertThat(otherSub.getInt("statusCode")).isEqualTo(400);
        assertThat(simulator.calls()).isEmpty();

        JsonPath ownSub = post(POS_ROLE + "/till-7", "SUB0000000001");
        assertThat(ownSub.getInt("statusCode")).isEqualTo(200);
        assertThat(simulator.calls()).allSatisfy(call -> assertThat(call.params().get("mchid")).isEqualTo("SUB0000000001"));
    }

    @Test
    void api_aCallerWithoutAnEntry_actsOnlyForTheConfiguredMerchant() {
        apiPayment();

        assertThat(post("arn:aws:sts::123456789012:assumed-role/pos-terminals-admin/x", "SUB0000000001")
                .getInt("statusCode")).isEqualTo(400);
        assertThat(post(WORKFLOW_ROLE + "/other-session", "SUB0000000001").getInt("statusCode")).isEqualTo(400);
        assertThat(simulator.calls()).isEmpty();

        assertThat(post(WORKFLOW_ROLE + "/special", "SUB0000000009").getInt("statusCode")).isEqualTo(200);
    }
}
