package io.qfpayreversal.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.ledger.LedgerClient;
import io.qfpayreversal.qfpay.QfpayApi;
import io.qfpayreversal.qfpay.QfpayApiProducer;
import io.qfpayreversal.qfpay.QfpaySigner;
import io.qfpayreversal.qfpay.SignType;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.reversal.ReversalRequest;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.reversal.ReversalStatus;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Does the first invocation's one-off work on background threads while the runtime starts and
 * polls for it: one loads the credentials from SSM (one signed GetParameters); one builds
 * the QFPay client and primes the path of a QFPay call (signing, the reactive HTTP client, JSON)
 * with one query answered on loopback by {@link LoopbackAnswer}: nothing is sent to QFPay; one
 * builds the cancel ledger's DynamoDB client (nothing is sent to DynamoDB). The
 * first invocation then waits only for what is not done yet: for the credentials at most
 * {@code qfpay.credentials-prefetch-wait}, after which it loads them itself.
 *
 * <p>Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) no thread is started here:
 * {@link SnapStartHooks} primes before the snapshot and loads the credentials after each restore,
 * so no key, AWS credentials or half-done call is kept in the snapshot.
 */
@ApplicationScoped
class ColdStartPrefetch {

    private static final Logger LOG = Logger.getLogger(ColdStartPrefetch.class);
    private static final String PRIMING_ANSWER =
            "{\"respcd\":\"0000\",\"data\":[{\"syssn\":\"20260101000000000\",\"cancel\":\"0\",\"respcd\":\"1143\","
                    + "\"txamt\":\"1\",\"txdtm\":\"2026-01-01 00:00:00\"}],\"page\":\"1\"}";

    void onStart(@Observes StartupEvent event, QfpayConfig config, Instance<CredentialsProvider> credentials,
            Instance<QfpayApi> qfpayApi, Instance<ObjectMapper> json, Instance<SnapStartHooks> snapStart,
            Instance<LedgerClient> ledger) {
        if (underSnapStart()) {
            snapStart.get().register();
            return;
        }
        if (!config.prefetchAtStartup()) {
            return;
        }
        background("credentials", () -> credentials.get().prefetch());
        background("QFPay call path primed", () -> prime(config, qfpayApi.get(), json.get()));
        background("cancel ledger client built", () -> ledger.get().prime());
    }

    static boolean underSnapStart() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    static void background(String what, Runnable work) {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                work.run();
                LOG.infof("Start-up prefetch: %s in %d ms", what, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                // The first invocation does the work again and reports any failure; no message holds a secret.
                LOG.warnf("Start-up prefetch: %s failed: %s", what, e.getMessage());
            }
        }, "cold-start-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The ledger's three calls through a throwaway client on loopback: nothing reaches DynamoDB. */
    static void primeLedgerCalls() {
        try (LoopbackAnswer loopback = LoopbackAnswer.start("{}", 3)) {
            LedgerClient.primeCallPath(loopback.uri());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void prime(QfpayConfig config, QfpayApi qfpayApi, ObjectMapper json) {
        ClientProxy.unwrap(qfpayApi); // builds the container's QFPay client
        TreeMap<String, String> query = new TreeMap<>();
        query.put("syssn", "20260101000000000");
        String sign = QfpaySigner.sign(query, "priming-not-a-key", SignType.MD5);
        try (LoopbackAnswer loopback = LoopbackAnswer.start(PRIMING_ANSWER)) {
            QfpayApi primingClient = QfpayApiProducer.build(loopback.uri(), config);
            MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
            query.forEach(form::add);
            try (Response response = primingClient.post("query", "PRIMING", sign, null, form)
                    .await().atMost(Duration.ofSeconds(5))) {
                json.readTree(response.readEntity(String.class));
            } finally {
                if (primingClient instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            ReversalRequest request = new ReversalRequest(Action.REVERSE, "1", null, 1L, null, null, null, null);
            json.writeValueAsString(ReversalResult.builder(request).build(ReversalStatus.REVERSED, "primed"));
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
