package io.qfpayreversal.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qfpayreversal.testing.LoopbackServer;
import io.qfpayreversal.testing.RuntimeApiEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Lambda Runtime API on loopback for one function process: {@code /next} blocks until an
 * event is queued, the answer or error comes back on {@code /response} or {@code /error} (202, as
 * Lambda answers). One emulator per process, so a poll left open by a stopped process can never
 * take the next process's event. Times are taken here, where Lambda takes them.
 */
final class RuntimeApiEmulator implements AutoCloseable {

    /** The function's answer and its duration as Lambda bills it: event handed over → answer received. */
    record Answer(String text, double durationMillis) {
    }

    private record Invocation(String id, String event, CompletableFuture<Answer> answer, long[] deliveredNanos) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

    RuntimeApiEmulator() throws IOException {
        server = LoopbackServer.start("/2018-06-01/runtime/", this::handle);
    }

    /** host:port, as in {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** System.nanoTime() of the process's first {@code /next} poll. */
    long firstPollNanos() throws Exception {
        return firstPoll.get(120, TimeUnit.SECONDS);
    }

    /** Invokes the function and waits for its answer; an error report comes back prefixed "ERROR ". */
    Answer invoke(String event) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>(),
                new long[1]);
        queue.add(invocation);
        return invocation.answer().get(120, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/invocation/next")) {
                firstPoll.complete(System.nanoTime());
                deliver(exchange, queue.take());
                return;
            }
            // /2018-06-01/runtime/invocation/{id}/response|error, or /init/error
            long received = System.nanoTime();
            String[] parts = path.split("/");
            String answer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Invocation done = parts.length >= 6 ? inFlight.remove(parts[4]) : null;
            if (done != null) {
                done.answer().complete(new Answer(path.endsWith("/error") ? "ERROR " + answer : answer,
                        (received - done.deliveredNanos()[0]) / 1e6));
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(HttpExchange exchange, Invocation next) throws IOException {
        inFlight.put(next.id(), next);
        next.deliveredNanos()[0] = System.nanoTime();
        RuntimeApiEvents.deliver(exchange, next.id(), next.event(), "arn:aws:lambda:us-east-1:000000000000:function:qfpay-reversal");
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
