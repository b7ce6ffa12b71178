package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.time.Pause;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * SSM's {@code GetParameters}, and nothing else, without the SDK's SSM client (whose construction
 * loads the region metadata of every AWS service: most of a cold start's SSM time). The SDK still does
 * what must be right: SigV4 ({@link AwsV4HttpSigner}), the AWS credentials ({@link LambdaAwsCredentials}),
 * the HTTP client ({@link UrlConnectionHttpClient}, as the SSM client used), which errors are
 * retried and how long to back off ({@link AwsRetryStrategy#standardRetryStrategy()}: three attempts)
 * and the errors themselves ({@link AwsServiceException} with AWS's error code).
 *
 * <p>The wire is AWS's JSON 1.1 protocol: a POST to {@code /} with {@code X-Amz-Target:
 * AmazonSSM.GetParameters}; an error is a non-2xx status with its code in {@code x-amzn-ErrorType}
 * or the body's {@code __type}. Every attempt is bounded by the call's deadline.
 */
@ApplicationScoped
class SsmParameters {

    private static final String TARGET = "AmazonSSM.GetParameters";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Threads for SSM attempts, made when needed and gone after a minute idle. */
    private static final ExecutorService WORKERS = workers();

    private final AwsEnvironment aws;
    private final LambdaAwsCredentials credentials;
    private final QfpayConfig config;
    private final Pause pause;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy();

    SsmParameters(AwsEnvironment aws, LambdaAwsCredentials credentials, QfpayConfig config, Pause pause) {
        this.aws = aws;
        this.credentials = credentials;
        this.config = config;
        this.pause = pause;
    }

    /**
     * The values of those of {@code names} that exist (SecureStrings decrypted), by name, within
     * {@code deadline}; AWS's refusal as {@link AwsServiceException}, anything else as
     * {@link SdkClientException}.
     */
    Map<String, String> get(List<String> names, Deadline deadline) {
        SsmEndpoint endpoint = SsmEndpoint.of(aws);
        byte[] body = SsmJson.request(names);
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("ssm")).token();
        SdkException last = null;
        while (true) {
            Optional<Duration> left = deadline.callTimeout(config.ssmAttemptTimeout()).filter(t -> !t.isZero());
            if (left.isEmpty() || Thread.currentThread().isInterrupted()) {
                SdkException noTime = ApiCallTimeoutException.create("no time left for another SSM attempt", null);
                if (last == null) {
                    throw noTime;
                }
                last.addSuppressed(noTime);
                throw last; // the reason the attempts failed, not the clock
            }
            try {
                Map<String, String> values = attempt(endpoint, body, left.get());
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return values;
            } catch (SdkException failure) {
                last = failure;
                Duration delay;
                try {
                    var refreshed = retries.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException notRetried) {
                    throw failure;
                }
                if (!deadline.allowsCallAfter(delay)) {
                    throw failure;
                }
                pause.pause(delay); // an interrupt or an overslept pause ends the loop above, with this failure
            }
        }
    }

    /**
     * Loads the classes of a call and builds the HTTP client, signing a request with throwaway
     * credentials; sends nothing (before a SnapStart snapshot).
     */
    void prime() {
        httpClient(config.ssmAttemptTimeout()).close();
        sign(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://ssm.invalid/")).build(),
                SsmJson.request(List.of("/priming")), AwsCredentialsIdentity.create("priming", "priming"), "us-east-1");
    }

    /**
     * One attempt, from the AWS credentials (under SnapStart a call to the container endpoint) to the
     * parsed answer, on a worker thread that is aborted and abandoned at {@code timeout}: a connect,
     * a DNS lookup or a credentials fetch that hangs cannot hold the invocation. Its own connect and
     * socket time-outs are no longer than {@code timeout} either, so an abandoned worker ends soon.
     */
    private Map<String, String> attempt(SsmEndpoint endpoint, byte[] body, Duration timeout) {
        Sending sending = new Sending();
        Future<Map<String, String>> exchange = null;
        try {
            exchange = WORKERS.submit(() -> exchange(endpoint, body, timeout, sending));
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sending.abandon(exchange);
            throw timedOut(timeout, new SocketTimeoutException());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw sdk;
            }
            if (cause instanceof SocketTimeoutException late) {
                throw timedOut(timeout, late); // its own connect or read time-out came first: the same fault
            }
            if (cause instanceof IOException io) {
                throw SdkClientException.builder().message("SSM could not be reached: " + io.getClass().getSimpleName())
                        .cause(io).build();
            }
            throw SdkClientException.builder().message("SSM call failed: " + cause.getClass().getSimpleName())
                    .cause(cause).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sending.abandon(exchange);
            throw SdkClientException.create("interrupted while waiting for SSM");
        } catch (RejectedExecutionException e) {
            throw SdkClientException.builder().message("no thread for the SSM call").cause(e).build();
        }
    }

    /**
     * The request an attempt is sending, once it is: abandoning the attempt aborts it, or stops the
     * worker before it sends, whichever comes first.
     */
    private static final class Sending {
        private final AtomicReference<ExecutableHttpRequest> call = new AtomicReference<>();
        private final AtomicBoolean abandoned = new AtomicBoolean();

        /** On the worker, just before sending: false if the attempt was abandoned (then nothing is sent). */
        boolean start(ExecutableHttpRequest request) {
            call.set(request);
            return !abandoned.get();
        }

        void abandon(Future<?> exchange) {
            abandoned.set(true);
            if (exchange != null) {
                exchange.cancel(true);
            }
            ExecutableHttpRequest request = call.get();
            if (request != null) {
                request.abort();
            }
        }
    }

    /** An I/O cause: the SDK's strategy retries a time-out as it retries a lost connection. */
    private static ApiCallAttemptTimeoutException timedOut(Duration timeout, SocketTimeoutException cause) {
        return ApiCallAttemptTimeoutException.create("SSM did not answer within " + timeout.toMillis() + " ms", cause);
    }

    private Map<String, String> exchange(SsmEndpoint endpoint, byte[] body, Duration timeout, Sending sending)
            throws IOException {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.uri())
                .putHeader("Content-Type", CONTENT_TYPE).putHeader("X-Amz-Target", TARGET).build();
        SignedRequest signed = sign(unsigned, body, credentials.resolveCredentials(), endpoint.region());
        try (SdkHttpClient http = httpClient(timeout)) {
            ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build());
            if (!sending.start(call)) {
                throw SdkClientException.create("SSM attempt abandoned before it was sent");
            }
            HttpExecuteResponse response = call.call();
            byte[] answer = readAll(response);
            if (response.httpResponse().statusCode() / 100 != 2) {
                throw SsmErrors.of(response.httpResponse(), answer);
            }
            return SsmJson.values(answer);
        }
    }

    private SignedRequest sign(SdkHttpRequest request, byte[] body, AwsCredentialsIdentity identity, String region) {
        return signer.sign(r -> r.identity(identity).request(request).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    }

    private static byte[] readAll(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    /** The SDK's URL-connection client, its time-outs no longer than {@code timeout}. */
    private SdkHttpClient httpClient(Duration timeout) {
        return UrlConnectionHttpClient.builder().connectionTimeout(shorter(config.ssmConnectTimeout(), timeout))
                .socketTimeout(shorter(config.ssmAttemptTimeout(), timeout)).build();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static ExecutorService workers() {
        return Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "ssm-call");
            thread.setDaemon(true);
            return thread;
        });
    }
}
