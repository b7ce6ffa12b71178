package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Lambda Runtime API of a SnapStart environment, on loopback, for one function process. A
 * runtime started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} runs its
 * {@code beforeCheckpoint} hooks and then calls {@code /restore/next}: that is where Lambda takes the
 * snapshot. Here {@code atSnapshot} inspects the process at that moment; the answer then lets the
 * runtime run its {@code afterRestore} hooks and poll for events, as after a restore.
 */
public final class SnapStartRuntimeApi implements AutoCloseable {

    private record Invocation(String id, String event, CompletableFuture<String> answer) {
    }

    private final HttpServer server;
    private final Supplier<Object> atSnapshot;
    private final CompletableFuture<Object> snapshot = new CompletableFuture<>();
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();

    public SnapStartRuntimeApi(Supplier<Object> atSnapshot) throws IOException {
        this.atSnapshot = atSnapshot;
        server = LoopbackServer.start("/2018-06-01/runtime/", this::handle);
    }

    /** host:port, as in {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What {@code atSnapshot} saw when the runtime asked to be snapshotted. */
    public Object snapshot() throws Exception {
        return CompletableFuture.anyOf(snapshot, initError.thenApply(e -> {
            throw new IllegalStateException("init failed: " + e);
        })).get(180, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code count} polls for an invocation have arrived in all (each environment polls
     * once it is ready, and again after each invocation); false if they have not within {@code limit}.
     */
    public boolean awaitPolls(int count, java.time.Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        synchronized (polls) {
            while (polls.get() < count) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(polls, left);
            }
        }
        return true;
    }

    /** Invokes the function; an error report comes back prefixed "ERROR ". */
    public String invoke(String event) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queue.add(invocation);
        return invocation.answer().get(120, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/restore/next")) {
                snapshot.complete(atSnapshot.get());
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (path.endsWith("/invocation/next")) {
                synchronized (polls) {
                    polls.incrementAndGet();
                    polls.notifyAll();
                }
                deliver(exchange, queue.take());
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/init/error") || path.endsWith("/restore/error")) {
                initError.complete(body);
            } else {
                String[] parts = path.split("/"); // /2018-06-01/runtime/invocation/{id}/response|error
                Invocation done = parts.length >= 6 ? inFlight.remove(parts[4]) : null;
                if (done != null) {
                    done.answer().complete(path.endsWith("/error") ? "ERROR " + body : body);
                }
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(HttpExchange exchange, Invocation next) throws IOException {
        inFlight.put(next.id(), next);
        RuntimeApiEvents.deliver(exchange, next.id(), next.event(),
                "arn:aws:lambda:us-east-1:000000000000:function:qfpay-reversal:live");
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
