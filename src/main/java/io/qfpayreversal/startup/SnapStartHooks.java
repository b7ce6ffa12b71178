package io.qfpayreversal.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsSnapshot;
import io.qfpayreversal.qfpay.QfpayApi;
import io.qfpayreversal.time.ReseedableJitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart's runtime hooks (CRaC, which the Lambda runtime calls around the snapshot). Before the
 * snapshot, on the init thread: prime the QFPay call path and the cancel ledger's calls on loopback
 * (a throwaway client; the ledger's own client is built at its first use after a restore), and the SSM call
 * (with {@code qfpay.prefetch-at-startup}), then drop every secret, so the snapshot holds no QFPay
 * key, no AWS credentials and no open connection. After each restore: reseed the jitter (every
 * restored copy would draw the same numbers) and load the credentials in the background.
 */
@ApplicationScoped
class SnapStartHooks implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class);

    private final QfpayConfig config;
    private final Instance<QfpayApi> qfpayApi;
    private final Instance<ObjectMapper> json;
    private final CredentialsSnapshot credentials;
    private final ReseedableJitter jitter;

    SnapStartHooks(QfpayConfig config, Instance<QfpayApi> qfpayApi, Instance<ObjectMapper> json,
            CredentialsSnapshot credentials, ReseedableJitter jitter) {
        this.config = config;
        this.qfpayApi = qfpayApi;
        this.json = json;
        this.credentials = credentials;
        this.jitter = jitter;
    }

    /** Registers this bean itself: CRaC keeps hooks weakly, the CDI context keeps this bean. */
    void register() {
        Core.getGlobalContext().register(this);
        LOG.info("SnapStart: priming before the snapshot, credentials after the restore");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        if (config.prefetchAtStartup()) {
            try {
                ColdStartPrefetch.prime(config, qfpayApi.get(), json.get());
                ColdStartPrefetch.primeLedgerCalls();
            } catch (RuntimeException e) {
                LOG.warnf("SnapStart: priming failed (the first invocation does the work): %s", e.getMessage());
            }
        }
        credentials.beforeCheckpoint();
        LOG.infof("SnapStart: primed before the snapshot in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        jitter.reseed();
        if (config.prefetchAtStartup()) {
            ColdStartPrefetch.background("credentials after restore", credentials::afterRestore);
        }
    }
}
