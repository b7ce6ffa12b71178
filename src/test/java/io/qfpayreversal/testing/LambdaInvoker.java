package io.qfpayreversal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Sends one event to the function through the Quarkus mock Lambda event server. */
public final class LambdaInvoker {

    /**
     * The mock event server's port for packaged-artifact tests: {@code -Dit.port} (failsafe passes it
     * on), 8081 by default; in {@code @QuarkusTest} runs Quarkus points RestAssured at a free port.
     */
    public static final int INTEGRATION_TEST_PORT = Integer.getInteger("quarkus.lambda.mock-event-server.test-port", 8081);

    private LambdaInvoker() {
    }

    public static ValidatableResponse invoke(String eventJson) {
        if (RestAssured.baseURI == null || RestAssured.basePath == null) {
            RestAssured.reset(); // the integration-test extension clears them between tests
        }
        return given().port(RestAssured.port > 0 ? RestAssured.port : INTEGRATION_TEST_PORT)
                .contentType("application/json").accept("application/json")
                .body(eventJson)
                .when().post()
                .then();
    }
}
