package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the function sees as DynamoDB: a loopback front of moto that passes every call on, or answers
 * as DynamoDB does when it throttles ({@code ThrottlingException}, HTTP 400) or denies
 * ({@code AccessDeniedException}), for as long as a test says. Counts the calls it refused.
 *
 * <p>It passes writes on one at a time. DynamoDB applies a conditional write to an item atomically;
 * moto's threaded server checks the condition and then writes, so two writes racing for one item
 * could both pass their condition (seen: two of six racing claims recorded). One at a time, moto
 * answers as DynamoDB does; reads still run side by side.
 */
public final class DynamoDbGate implements AutoCloseable {

    public enum Fault {
        NONE, THROTTLED, DENIED
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final URI moto;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger refused = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<Runnable> beforeNext = new java.util.concurrent.atomic.AtomicReference<>();
    private final Object oneWriteAtATime = new Object();

    private DynamoDbGate(URI moto) throws IOException {
        this.moto = moto;
        this.server = LoopbackServer.start("/", this::handle);
    }

    public static DynamoDbGate in(String motoEndpoint) throws IOException {
        return new DynamoDbGate(URI.create(motoEndpoint));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void fault(Fault fault) {
        this.fault = fault;
        refused.set(0);
        beforeNext.set(null);
    }

    public int refused() {
        return refused.get();
    }

    /** Runs {@code what} when the next request arrives, before it is passed on (a race at that moment). */
    public void beforeNext(Runnable what) {
        beforeNext.set(what);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Runnable hook = beforeNext.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            Fault now = fault;
            if (now != Fault.NONE) {
                refused.incrementAndGet();
                String code = now == Fault.THROTTLED ? "ThrottlingException" : "AccessDeniedException";
                String message = now == Fault.THROTTLED ? "Rate of requests exceeds the allowed throughput."
                        : "User is not authorized to perform this action on the table";
                answer(exchange, 400, ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code
                        + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            if (isWrite(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                synchronized (oneWriteAtATime) {
                    response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                }
            } else {
                response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWrite(String target) {
        return target != null && (target.endsWith(".PutItem") || target.endsWith(".UpdateItem")
                || target.endsWith(".DeleteItem") || target.endsWith(".TransactWriteItems"));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
