package io.qfpayreversal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** Sends one event to the function through the Quarkus mock Lambda event server. */
public final class LambdaInvoker {

    private LambdaInvoker() {
    }

    public static ValidatableResponse invoke(String eventJson) {
        return given().contentType("application/json").accept("application/json")
                .body(eventJson)
                .when().post()
                .then();
    }
}
