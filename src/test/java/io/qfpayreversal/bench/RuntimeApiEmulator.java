package io.qfpayreversal.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Lambda Runtime API on loopback: {@code /next} blocks until an event is queued, the
 * answer or error comes back on {@code /response} or {@code /error} (202, as Lambda answers).
 * Times are taken here, where Lambda measures them.
 */
final class RuntimeApiEmulator implements AutoCloseable {

    record Invocation(String id, String event, CompletableFuture<String> answer) {
    }

    private final HttpServer server;
    private final java.util.concurrent.LinkedBlockingDeque<Invocation> queue = new java.util.concurrent.LinkedBlockingDeque<>();
    /** Polls left open by a runtime that was stopped must not swallow the next runtime's events. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Long> firstPoll = new CompletableFuture<>();

    RuntimeApiEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Resets the "first poll" clock for a new process. */
    CompletableFuture<Long> expectFirstPoll() {
        generation.incrementAndGet();
        firstPoll = new CompletableFuture<>();
        return firstPoll;
    }

    /** Invokes the function and waits for its answer; returns the answer text. */
    String invoke(String event) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queue.add(invocation);
        return invocation.answer().get(120, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/invocation/next")) {
                int polledIn = generation.get();
                firstPoll.complete(System.nanoTime());
                Invocation next = queue.take();
                if (polledIn != generation.get()) {
                    queue.putFirst(next);
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                inFlight.put(next.id(), next);
                byte[] body = next.event().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.id());
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                        String.valueOf(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                        "Root=1-6745d9a0-0a1b2c3d4e5f60718293a4b5;Parent=53995c3f42cd8ad8;Sampled=0");
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:qfpay-reversal");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String[] parts = path.split("/");
            String id = parts.length >= 5 ? parts[4] : "";
            String answer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Invocation done = inFlight.remove(id);
            if (done != null) {
                done.answer().complete(path.endsWith("/error") ? "ERROR " + answer : answer);
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
