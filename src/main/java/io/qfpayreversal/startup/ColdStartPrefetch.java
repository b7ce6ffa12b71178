package io.qfpayreversal.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.qfpay.QfpayApi;
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
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Does the first invocation's one-off work on a background thread while the runtime starts and
 * polls for it: loads the credentials from SSM (building the AWS SDK client), builds the QFPay
 * client, and runs signing and JSON once. The first invocation then waits only for what is not
 * done yet: {@link CredentialsProvider} loads once, under its lock.
 *
 * <p>Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) the credentials are not
 * loaded, so that no key is kept in the snapshot; the rest is still primed.
 */
@ApplicationScoped
class ColdStartPrefetch {

    private static final Logger LOG = Logger.getLogger(ColdStartPrefetch.class);

    void onStart(@Observes StartupEvent event, QfpayConfig config, Instance<CredentialsProvider> credentials,
            Instance<QfpayApi> qfpayApi, Instance<ObjectMapper> json) {
        if (!config.prefetchAtStartup()) {
            return;
        }
        boolean snapStart = "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        Thread thread = new Thread(() -> {
            if (!snapStart) {
                loadCredentials(credentials.get());
            }
            prime(qfpayApi.get(), json.get());
        }, "cold-start-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loadCredentials(CredentialsProvider credentials) {
        try {
            credentials.prefetch();
        } catch (RuntimeException e) {
            // The first invocation loads again and reports the failure; the message names no secret.
            LOG.warnf("Credentials could not be loaded at start-up: %s", e.getMessage());
        }
    }

    private static void prime(QfpayApi qfpayApi, ObjectMapper json) {
        try {
            ClientProxy.unwrap(qfpayApi);
            TreeMap<String, String> sample = new TreeMap<>();
            sample.put("syssn", "20260101000000000");
            QfpaySigner.sign(sample, "not-a-key", SignType.MD5);
            json.readTree("{\"respcd\":\"0000\",\"data\":[{\"syssn\":\"1\",\"cancel\":\"0\",\"txamt\":\"1\"}]}");
            ReversalRequest request = new ReversalRequest(Action.REVERSE, "1", null, 1L, null, null, null, null);
            json.writeValueAsString(ReversalResult.builder(request).build(ReversalStatus.REVERSED, "primed"));
        } catch (Exception e) {
            LOG.debugf("Priming skipped: %s", e.toString());
        }
    }
}
