package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.metrics.InvocationMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Loads the credentials once per container and keeps them. A failed load caches nothing, so the
 * next invocation tries again; a reload replaces them after QFPay rejects a signature.
 */
@ApplicationScoped
public class CredentialsProvider {

    private final CredentialsSource source;
    private final InvocationMetrics metrics;
    private volatile Credentials cached;

    CredentialsProvider(QfpayConfig config, Instance<SsmCredentialsSource> ssm, InvocationMetrics metrics) {
        this.metrics = metrics;
        this.source = config.ssmPath().isPresent() ? ssm.get() : new ConfigCredentialsSource(config);
    }

    /** Per-invocation view that allows one reload at most. */
    public CredentialsSession openSession() {
        return new CredentialsSession(this);
    }

    /** Loads the credentials now unless they are loaded already; for start-up, off the invocation path. */
    public void prefetch() {
        current();
    }

    /** Whether credentials are held now (none before the first load, nor after a failed one). */
    public boolean loaded() {
        return cached != null;
    }

    Credentials current() {
        Credentials credentials = cached;
        if (credentials == null) {
            synchronized (this) {
                if (cached == null) {
                    cached = source.load();
                    metrics.credentialsLoaded(false);
                }
                credentials = cached;
            }
        }
        return credentials;
    }

    boolean reloadable() {
        return source.reloadable();
    }

    /** Loads again unless another caller already replaced {@code stale}. */
    synchronized Credentials reload(Credentials stale) {
        if (cached != null && cached != stale) {
            return cached;
        }
        cached = null;
        cached = source.load();
        metrics.credentialsLoaded(true);
        return cached;
    }
}
