package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lambda's container credentials endpoint on loopback, as a SnapStart environment has it
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}): answers
 * temporary credentials to a request that carries the token, 401 to any other, and records each.
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {

    public static final String TOKEN = "container-token-for-tests";

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public ContainerCredentialsEndpoint(String accessKey, String secretKey) throws IOException {
        server = LoopbackServer.create(0);
        server.createContext("/2018-06-01/credentials", exchange -> {
            try (exchange) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(String.valueOf(authorization));
                if (!TOKEN.equals(authorization)) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                byte[] body = ("{\"AccessKeyId\":\"" + accessKey + "\",\"SecretAccessKey\":\"" + secretKey
                        + "\",\"Token\":\"session-token\",\"Expiration\":\""
                        + Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The value of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2018-06-01/credentials";
    }

    /** The Authorization header of every request so far ("null" when there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
