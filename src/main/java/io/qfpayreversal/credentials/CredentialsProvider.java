package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.metrics.InvocationMetrics;
import io.qfpayreversal.time.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads the credentials once per container and keeps them. A failed load caches nothing, so the
 * next invocation tries again; a reload replaces them after QFPay rejects a signature, at most once
 * per {@code qfpay.credentials-reload-interval}, so a bad key does not send every invocation to SSM.
 */
@ApplicationScoped
public class CredentialsProvider {

    private final CredentialsSource source;
    private final Duration prefetchWait;
    private final InvocationMetrics metrics;
    private final Clock clock;
    private final Duration reloadInterval;
    private volatile Credentials cached;
    private volatile CompletableFuture<Credentials> prefetching;
    private Instant lastReload;

    @Inject
    CredentialsProvider(QfpayConfig config, Instance<SsmCredentialsSource> ssm, InvocationMetrics metrics,
            Clock clock) {
        this(config.ssmPath().isPresent() ? ssm.get() : new ConfigCredentialsSource(config),
                config.credentialsPrefetchWait(), metrics, clock, config.credentialsReloadInterval());
    }

    CredentialsProvider(CredentialsSource source, Duration prefetchWait, InvocationMetrics metrics, Clock clock,
            Duration reloadInterval) {
        this.source = source;
        this.prefetchWait = prefetchWait;
        this.metrics = metrics;
        this.clock = clock;
        this.reloadInterval = reloadInterval;
    }

    /** Per-invocation view that allows one reload at most; every load it makes ends by {@code deadline}. */
    public CredentialsSession openSession(Deadline deadline) {
        return new CredentialsSession(this, deadline);
    }

    /** A view outside any invocation's budget (the SSM call's own time-outs apply). */
    public CredentialsSession openSession() {
        return openSession(Deadline.none(clock));
    }

    /**
     * Loads the credentials now unless they are loaded already; for start-up (or after a SnapStart
     * restore), off the invocation path. An invocation waits for this load at most
     * {@code qfpay.credentials-prefetch-wait}, then loads by itself: a load frozen with its environment
     * (provisioned concurrency, a snapshot) never holds an invocation longer.
     */
    public void prefetch() {
        if (cached != null) {
            return;
        }
        CompletableFuture<Credentials> load = new CompletableFuture<>();
        prefetching = load;
        try {
            Credentials loaded = source.load(Deadline.none(clock));
            metrics.credentialsLoaded(false);
            synchronized (this) {
                if (cached == null) {
                    cached = loaded;
                }
            }
            load.complete(loaded);
        } catch (RuntimeException e) {
            load.completeExceptionally(e);
            throw e;
        } finally {
            if (prefetching == load) {
                prefetching = null;
            }
        }
    }

    /** Drops the credentials (before a SnapStart snapshot: no key in it); the next use loads them. */
    public synchronized void forget() {
        cached = null;
    }

    /** Whether credentials are held now (none before the first load, nor after a failed one). */
    public boolean loaded() {
        return cached != null;
    }

    Credentials current(Deadline deadline) {
        Credentials credentials = cached;
        if (credentials == null) {
            credentials = awaitPrefetch(deadline);
        }
        if (credentials == null) {
            synchronized (this) {
                if (cached == null) {
                    cached = source.load(deadline);
                    metrics.credentialsLoaded(false);
                }
                credentials = cached;
            }
        }
        return credentials;
    }

    /** What a prefetch in flight loads, if it ends within the bound; else {@code null}. */
    private Credentials awaitPrefetch(Deadline deadline) {
        CompletableFuture<Credentials> load = prefetching;
        if (load == null) {
            return null;
        }
        Duration wait = deadline.remaining().compareTo(prefetchWait) < 0 ? deadline.remaining() : prefetchWait;
        try {
            return load.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null; // loads by itself; its own failure is the one reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean reloadable() {
        return source.reloadable();
    }

    /**
     * Loads again unless another caller already replaced {@code stale}; throws
     * {@link ConfigurationException} when the last reload was less than the interval ago.
     */
    synchronized Credentials reload(Credentials stale, Deadline deadline) {
        if (cached != null && cached != stale) {
            return cached;
        }
        Instant now = clock.instant();
        // A clock that went back (an NTP step; a test's virtual time) does not block reloads until it catches up.
        if (lastReload != null && !now.isBefore(lastReload) && now.isBefore(lastReload.plus(reloadInterval))) {
            throw new ConfigurationException("QFPay rejected the signature (respcd 1108) and the credentials were"
                    + " reloaded from SSM less than " + reloadInterval.toSeconds() + " s ago: check the app code and"
                    + " client key");
        }
        lastReload = now;
        cached = null;
        cached = source.load(deadline);
        metrics.credentialsLoaded(true);
        return cached;
    }
}
