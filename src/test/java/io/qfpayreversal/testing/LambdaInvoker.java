package io.qfpayreversal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Sends one event to the function through the Quarkus mock Lambda event server. */
public final class LambdaInvoker {

    /**
     * The mock event server's port for packaged-artifact tests (application.properties); in
     * {@code @QuarkusTest} runs Quarkus points RestAssured at a free port itself.
     */
    private static final int INTEGRATION_TEST_PORT = 8081;

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
