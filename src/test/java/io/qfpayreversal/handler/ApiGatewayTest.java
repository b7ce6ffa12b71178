package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API Gateway REST (1.0) and HTTP API (2.0) events from real fixtures, every route and status code. */
@QuarkusTest
class ApiGatewayTest extends FunctionTest {

    private static final String FIXTURE_SYSSN = "20261125000300001";

    private SimPayment fixturePayment(Script script, String payType) {
        return simulator.add(new SimPayment(FIXTURE_SYSSN, "API-ORDER-1", payType, 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), script));
    }

    private static JsonPath body(JsonPath response) {
        return new JsonPath(response.getString("body"));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2} {3}")
    @CsvSource({
        "apigw-rest-post-reversals.json,         PENDING,            800101, 200, REVERSED",
        "httpapi-post-reversals.json,            PENDING,            800008, 200, CLOSED",
        "httpapi-post-reversals-base64.json,     PROCESSING_FOREVER, 800101, 202, PROCESSING",
        "apigw-rest-post-reversals.json,         PAID,               800101, 409, REFUND_REQUIRED",
        "httpapi-post-reversals-base64.json,     NOT_CANCELLABLE,    800208, 422, REJECTED",
    })
    void postReversals_mapsEachOutcomeToItsStatusCode(String fixture, Script script, String payType, int code,
            String status) {
        fixturePayment(script, payType);

        JsonPath response = answer(Fixtures.event(fixture).toString());

        assertThat(response.getInt("statusCode")).isEqualTo(code);
        assertThat(response.getString("headers.Content-Type")).isEqualTo("application/json");
        assertThat(response.getString("headers.X-Request-Id")).isNotBlank();
        assertThat(response.getBoolean("isBase64Encoded")).isFalse();
        assertThat(body(response).getString("status")).isEqualTo(status);
    }

    @Test
    void postReversals_unknownPayment_is404() {
        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(404);
        assertThat(body(response).getString("status")).isEqualTo("NOT_FOUND");
    }

    @Test
    void getTransactions_bySyssn_is200WithTheStatus() {
        fixturePayment(Script.PAID, "800101");

        JsonPath response = answer(Fixtures.event("apigw-rest-get-transactions.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(body(response).getString("status")).isEqualTo("PAID");
        assertThat(operations()).containsExactly("query");
    }

    @Test
    void getTransactions_byOrderNumberOverHttpApi_is200() {
        fixturePayment(Script.PENDING, "800101");

        JsonPath response = answer(Fixtures.event("httpapi-get-transactions.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(body(response).getString("status")).isEqualTo("PENDING");
    }

    @Test
    void getTransactions_unknownPayment_is404() {
        JsonPath response = answer(Fixtures.event("httpapi-get-transactions.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(404);
        assertThat(body(response).getString("status")).isEqualTo("NOT_FOUND");
    }

    @Test
    void getTransactions_withoutIdentifier_is400() {
        ObjectNode event = Fixtures.event("apigw-rest-get-transactions.json");
        event.putNull("queryStringParameters");

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("violations[0].field")).isEqualTo("syssn");
    }

    @Test
    void postReversals_invalidFields_is400WithEveryViolationAndNoQfpayCall() {
        ObjectNode event = Fixtures.event("httpapi-post-reversals.json");
        event.put("body", "{\"syssn\":\"x y\",\"txamt\":0,\"txdtm\":\"2026-13-01 00:00:00\"}");

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        JsonPath error = body(response);
        assertThat(error.getString("error")).isEqualTo("invalid_request");
        assertThat(error.getList("violations.field")).containsExactlyInAnyOrder("syssn", "txamt", "txdtm");
        assertThat(simulator.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json         | false",
        "[1,2]            | false",
        "''               | false",
        "%%%not-base64%%% | true",
    })
    void postReversals_bodyNotAJsonObject_is400(String rawBody, boolean base64) {
        ObjectNode event = Fixtures.event("httpapi-post-reversals.json");
        event.put("body", rawBody);
        event.put("isBase64Encoded", base64);

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("violations[0].field")).isEqualTo("body");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void postReversals_base64BodyIsDecoded() {
        fixturePayment(Script.PENDING, "800101");
        ObjectNode event = Fixtures.event("httpapi-post-reversals-base64.json");
        String decoded = new String(Base64.getDecoder().decode(event.get("body").asText()));

        assertThat(decoded).contains(FIXTURE_SYSSN);
        assertThat(answer(event.toString()).getInt("statusCode")).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,    /prod/reversals,                 405",
        "DELETE, /prod/transactions,              405",
        "POST,   /prod/refunds,                   404",
        "POST,   /payments/v1/reversals,          200",
        "POST,   /prod/reversals/,                200",
    })
    void routes_matchByPathSuffixWithStagesAndBasePaths(String method, String path, int code) {
        fixturePayment(Script.PENDING, "800101");
        ObjectNode event = Fixtures.event("httpapi-post-reversals.json");
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("method", method).put("path", path);

        JsonPath response = answer(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(code);
        if (code == 405) {
            assertThat(response.getString("headers.Allow")).isNotBlank();
        }
    }

    @Test
    void restApi_customDomainBasePath_routesBySuffix() {
        fixturePayment(Script.PENDING, "800101");
        ObjectNode event = Fixtures.event("apigw-rest-post-reversals.json");
        event.put("path", "/payments/reversals");

        assertThat(answer(event.toString()).getInt("statusCode")).isEqualTo(200);
    }

    @Test
    void qfpayDown_is503AndSaysRetryIsSafe() {
        fixturePayment(Script.SERVER_ERROR, "800101");

        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(503);
        assertThat(body(response).getString("error")).isEqualTo("qfpay_unavailable");
        assertThat(body(response).getBoolean("retryable")).isTrue();
        assertThat(response.getString("body")).doesNotContain("HTTP 500").doesNotContain("127.0.0.1");
    }

    @Test
    void qfpayTimesOut_is504() {
        fixturePayment(Script.SLOW, "800101");

        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(response.getInt("statusCode")).isEqualTo(504);
    }

    @Test
    void credentialsRejected_is500WithoutInternalDetails() {
        fixturePayment(Script.PENDING, "800101");
        simulator.useClientKey("A-KEY-NOBODY-HAS");
        try {
            JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

            assertThat(response.getInt("statusCode")).isEqualTo(500);
            assertThat(body(response).getString("error")).isEqualTo("configuration_error");
            assertThat(response.getString("body")).doesNotContain("1108").doesNotContain("/qfpay/test");
        } finally {
            simulator.useClientKey(io.qfpayreversal.testing.QfpayTestEnvironment.CLIENT_KEY);
            answer("{\"action\":\"status\",\"syssn\":\"1\"}");
        }
    }
}
