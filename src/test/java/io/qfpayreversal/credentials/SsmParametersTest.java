package io.qfpayreversal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.testing.LoopbackServer;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.VirtualTime;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.time.Pause;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The SSM load over real HTTP: signed as SSM checks it (moto verifying every SigV4 signature),
 * retried as the SDK retries, and never longer than the deadline.
 */
class SsmParametersTest {

    private static final List<String> NAMES = List.of("/qfpay/t/app-code", "/qfpay/t/client-key", "/qfpay/t/mchid");
    private static final Clock CLOCK = Clock.systemUTC();

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            LoopbackServer.stop(server);
        }
    }

    @Test
    void get_signedWithTheRolesKey_isAcceptedBySsmCheckingSignatures_andDecrypts() throws Exception {
        try (MotoSsm ssm = MotoSsm.startCheckingSignatures()) {
            ssm.putCredentials("/qfpay/t", "APP-1", "KEY-SECRET-1");

            Map<String, String> values = parameters(ssm.endpoint(), ssm.accessKeyId(), ssm.secretAccessKey(), Map.of())
                    .get(NAMES, Deadline.none(CLOCK));

            assertThat(values).containsExactlyInAnyOrderEntriesOf(
                    Map.of("/qfpay/t/app-code", "APP-1", "/qfpay/t/client-key", "KEY-SECRET-1"));
        }
    }

    @Test
    void get_signedWithAWrongSecret_isRefusedBySsm() throws Exception {
        try (MotoSsm ssm = MotoSsm.startCheckingSignatures()) {
            ssm.putCredentials("/qfpay/t", "APP-1", "KEY-SECRET-1");
            SsmParameters parameters = parameters(ssm.endpoint(), ssm.accessKeyId(), "not-the-secret", Map.of());

            assertThatThrownBy(() -> parameters.get(NAMES, Deadline.none(CLOCK)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void get_afterTwoServerErrors_triesAThirdTime_asTheSdkStandardStrategy() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String endpoint = serve(exchange -> {
            int attempt = attempts.incrementAndGet();
            String body = attempt < 3 ? "{\"__type\":\"com.amazonaws.ssm#InternalServerError\",\"message\":\"try again\"}"
                    : "{\"Parameters\":[{\"Name\":\"/qfpay/t/app-code\",\"Value\":\"APP-1\",\"Type\":\"String\"}],"
                            + "\"InvalidParameters\":[\"/qfpay/t/mchid\"]}";
            respond(exchange, attempt < 3 ? 500 : 200, body);
        });

        Map<String, String> values = parameters(endpoint, "AKID", "secret", Map.of()).get(NAMES, Deadline.none(CLOCK));

        assertThat(values).containsExactly(Map.entry("/qfpay/t/app-code", "APP-1"));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void get_whenTheBackOffOversleepsTheDeadline_reportsWhySsmFailed_notTheClock() throws Exception {
        String endpoint = serve(exchange -> respond(exchange, 500, "{\"__type\":\"InternalServerError\"}"));
        VirtualTime clock = VirtualTime.get();
        clock.reset();
        SsmParameters parameters = parameters(endpoint, "AKID", "secret", Map.of(),
                delay -> clock.advance(Duration.ofSeconds(30))); // a pause that ran far past the deadline

        try {
            assertThatThrownBy(() -> parameters.get(NAMES, Deadline.in(clock, Duration.ofSeconds(5), Duration.ofMillis(500))))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError"));
        } finally {
            clock.reset(); // the shared test clock back to the real time
        }
    }

    @Test
    void get_refusedAccess_isNotRetried_andKeepsAwsErrorCode() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String endpoint = serve(exchange -> {
            attempts.incrementAndGet();
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/");
            respond(exchange, 400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}");
        });
        SsmParameters parameters = parameters(endpoint, "AKID", "secret", Map.of());

        assertThatThrownBy(() -> parameters.get(NAMES, Deadline.none(CLOCK)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void get_ssmSilent_isAbortedAtTheDeadline_notAtTheAttemptTimeOut() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        String endpoint = serve(exchange -> {
            attempts.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Each attempt may take a minute; the invocation has 1.5 s left.
        SsmParameters parameters = parameters(endpoint, "AKID", "secret", Map.of("qfpay.ssm-attempt-timeout", "60s"));

        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> parameters.get(NAMES, Deadline.in(CLOCK, Duration.ofMillis(1500), Duration.ofMillis(500))))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("did not answer within"));
        } finally {
            never.countDown();
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void get_credentialsEndpointSilent_asASnapStartRestoreMightFindIt_isAbortedAtTheDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        String silent = serve(exchange -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.setProperty("aws.containerCredentialsFullUri", silent + "/credentials");
        try {
            AwsEnvironment aws = new SmallRyeConfigBuilder().withMapping(AwsEnvironment.class)
                    .withDefaultValue("aws.region", MotoSsm.REGION).withDefaultValue("aws.endpoint-url-ssm", silent)
                    .withDefaultValue("aws.container-credentials-full-uri", silent + "/credentials")
                    .build().getConfigMapping(AwsEnvironment.class);
            SsmParameters parameters = new SsmParameters(aws, new LambdaAwsCredentials(aws), config(Map.of()),
                    duration -> { });

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> parameters.get(NAMES, Deadline.in(CLOCK, Duration.ofMillis(1500), Duration.ofMillis(500))))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("did not answer within"));
        } finally {
            never.countDown();
            System.clearProperty("aws.containerCredentialsFullUri");
        }
    }

    @Test
    void get_unreadableAnswer_failsWithoutQuotingIt() throws Exception {
        String endpoint = serve(exchange -> respond(exchange, 200, "{\"Parameters\":[{\"Value\":\"KEY-SECRET-1\""));

        assertThatThrownBy(() -> parameters(endpoint, "AKID", "secret", Map.of()).get(NAMES, Deadline.none(CLOCK)))
                .isInstanceOf(SdkClientException.class).hasMessageNotContaining("KEY-SECRET-1");
    }

    private String serve(HttpHandler handler) throws Exception {
        server = LoopbackServer.start("/", handler);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static QfpayConfig config(Map<String, String> settings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(QfpayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter());
        settings.forEach(builder::withDefaultValue);
        return builder.build().getConfigMapping(QfpayConfig.class);
    }

    static SsmParameters parameters(String endpoint, String accessKeyId, String secret, Map<String, String> settings) {
        return parameters(endpoint, accessKeyId, secret, settings, duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static SsmParameters parameters(String endpoint, String accessKeyId, String secret, Map<String, String> settings,
            Pause pause) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(AwsEnvironment.class)
                .withDefaultValue("aws.region", MotoSsm.REGION).withDefaultValue("aws.endpoint-url-ssm", endpoint)
                .withDefaultValue("aws.access-key-id", accessKeyId).withDefaultValue("aws.secret-access-key", secret);
        settings.forEach(builder::withDefaultValue);
        AwsEnvironment aws = builder.build().getConfigMapping(AwsEnvironment.class);
        return new SsmParameters(aws, new LambdaAwsCredentials(aws), config(settings), pause);
    }
}
