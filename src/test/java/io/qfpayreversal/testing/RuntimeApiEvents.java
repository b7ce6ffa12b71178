package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What Lambda's Runtime API answers to {@code /invocation/next}: the event and its headers. */
public final class RuntimeApiEvents {

    private RuntimeApiEvents() {
    }

    /** Hands {@code event} to the polling runtime as invocation {@code requestId} of {@code functionArn}. */
    public static void deliver(HttpExchange exchange, String requestId, String event, String functionArn)
            throws IOException {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-6745d9a0-0a1b2c3d4e5f60718293a4b5;Parent=53995c3f42cd8ad8;Sampled=0");
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }
}
