package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Loads the credentials once per container and keeps them. A failed load caches nothing, so the
 * next invocation tries again; a reload replaces them after QFPay rejects a signature, at most once
 * per {@code qfpay.credentials-reload-interval}, so a bad key does not send every invocation to SSM.
 */
@ApplicationScoped
public class CredentialsProvider {

    private final CredentialsSource source;
    private final Clock clock;
    private final Duration reloadInterval;
    private volatile Credentials cached;
    private Instant lastReload;

    CredentialsProvider(QfpayConfig config, Instance<SsmCredentialsSource> ssm, Clock clock) {
        this.source = config.ssmPath().isPresent() ? ssm.get() : new ConfigCredentialsSource(config);
        this.clock = clock;
        this.reloadInterval = config.credentialsReloadInterval();
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
                }
                credentials = cached;
            }
        }
        return credentials;
    }

    boolean reloadable() {
        return source.reloadable();
    }

    /**
     * Loads again unless another caller already replaced {@code stale}; throws
     * {@link ConfigurationException} when the last reload was less than the interval ago.
     */
    synchronized Credentials reload(Credentials stale) {
        if (cached != null && cached != stale) {
            return cached;
        }
        Instant now = clock.instant();
        if (lastReload != null && now.isBefore(lastReload.plus(reloadInterval))) {
            throw new ConfigurationException("QFPay rejected the signature (respcd 1108) and the credentials were"
                    + " reloaded from SSM less than " + reloadInterval.toSeconds() + " s ago: check the app code and"
                    + " client key");
        }
        lastReload = now;
        cached = null;
        cached = source.load();
        return cached;
    }
}
