package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * A key given twice ({@code "txamt":2500, …, "txamt":1}) is refused with the field named, whichever
 * JSON carries it: the event itself, an API body, a Scheduler detail. Nothing reaches QFPay.
 */
@QuarkusTest
class DuplicateKeysTest extends FunctionTest {

    @Test
    void directInvocation_duplicateAmount_isInvalidNamingTheField() {
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error("{\"syssn\":\"" + payment.syssn() + "\",\"txamt\":2500,\"txdtm\":\"" + payment.txdtm()
                + "\",\"txamt\":1}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("txamt: appears more than once");
        assertThat(simulator.calls()).isEmpty();
        assertThat(payment.cancel()).isZero();
    }

    @Test
    void directInvocation_duplicateAction_isInvalid() {
        JsonPath error = error("{\"action\":\"status\",\"syssn\":\"1\",\"action\":\"sweep\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("action: appears more than once");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void directInvocation_somethingAfterTheObject_isInvalidRequest() {
        JsonPath error = error("{\"action\":\"status\",\"syssn\":\"1\"} {\"action\":\"sweep\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("$: the input must be a JSON object");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void apiBody_duplicateKey_is400NamingTheField() {
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));
        ObjectNode event = Fixtures.event("apigw-rest-post-reversals.json");
        event.put("body", "{\"syssn\":\"20261125000300001\",\"txamt\":2500,\"txdtm\":\"2026-11-25 10:00:00\","
                + "\"syssn\":\"20261125000300002\"}");

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        JsonPath body = new JsonPath(response.getString("body"));
        assertThat(body.getString("error")).isEqualTo("invalid_request");
        assertThat(body.getList("violations.field")).containsExactly("syssn");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void apiEnvelope_duplicateBody_isInvalidNamingBody() {
        String event = Fixtures.event("apigw-rest-post-reversals.json").toString();
        String twice = event.substring(0, event.length() - 1) + ",\"body\":\"{}\"}";

        JsonPath error = error(twice);

        assertThat(error.getString("errorMessage")).contains("body: appears more than once");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void schedulerDetail_duplicateKey_isInvalidNamingTheField() {
        ObjectNode event = Fixtures.event("scheduler-scheduled-event.json");
        event.put("detail", "{\"max_cancellations\":0,\"dry_run\":true,\"max_cancellations\":500}");

        JsonPath error = error(event.toString());

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("max_cancellations: appears more than once");
        assertThat(simulator.calls()).isEmpty();
    }
}
