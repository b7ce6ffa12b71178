package io.qfpayreversal.credentials;

import io.qfpayreversal.metrics.TestMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A credentials load started at start-up never holds an invocation for longer than the bound. */
class CredentialsPrefetchTest {

    private static final Credentials FIRST = new Credentials("APP", "key-1", null);
    private static final Credentials SECOND = new Credentials("APP", "key-2", null);

    /** Hands out scripted loads in order and records each call. */
    private static final class ScriptedSource implements CredentialsSource {
        final List<Supplier<Credentials>> loads;
        final List<String> calls = new CopyOnWriteArrayList<>();

        ScriptedSource(List<Supplier<Credentials>> loads) {
            this.loads = loads;
        }

        @Override
        public Credentials load(io.qfpayreversal.time.Deadline deadline) {
            int index;
            synchronized (this) {
                index = calls.size();
                calls.add("load");
            }
            return loads.get(Math.min(index, loads.size() - 1)).get();
        }

        @Override
        public boolean reloadable() {
            return true;
        }
    }

    @Test
    void prefetchFrozenMidCall_invocationLoadsByItselfAfterTheBound() throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch prefetchStarted = new CountDownLatch(1);
        ScriptedSource source = new ScriptedSource(List.of(() -> {
            prefetchStarted.countDown();
            awaitQuietly(frozen); // an SSM call whose environment was frozen: it does not come back
            return FIRST;
        }, () -> SECOND));
        CredentialsProvider provider = new CredentialsProvider(source, Duration.ofMillis(50), TestMetrics.discarding(), java.time.Clock.systemUTC(), Duration.ZERO);
        Thread prefetch = new Thread(provider::prefetch);
        prefetch.setDaemon(true);
        prefetch.start();
        prefetchStarted.await();

        Credentials used = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> provider.openSession().current());

        assertThat(used).isSameAs(SECOND);
        assertThat(source.calls).hasSize(2);
        frozen.countDown();
        prefetch.join();
        assertThat(provider.openSession().current()).as("the invocation's load is kept").isSameAs(SECOND);
    }

    @Test
    void prefetchThatEndsInTime_isUsed_withoutASecondLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch prefetchStarted = new CountDownLatch(1);
        ScriptedSource source = new ScriptedSource(List.of(() -> {
            prefetchStarted.countDown();
            awaitQuietly(release);
            return FIRST;
        }, () -> SECOND));
        CredentialsProvider provider = new CredentialsProvider(source, Duration.ofMinutes(5), TestMetrics.discarding(), java.time.Clock.systemUTC(), Duration.ZERO);
        Thread prefetch = new Thread(provider::prefetch);
        prefetch.start();
        prefetchStarted.await();
        release.countDown();

        assertThat(provider.openSession().current()).isSameAs(FIRST);
        prefetch.join();
        assertThat(source.calls).hasSize(1);
    }

    @Test
    void forget_dropsTheKey_andTheNextUseLoadsAgain() {
        ScriptedSource source = new ScriptedSource(List.of(() -> FIRST, () -> SECOND));
        CredentialsProvider provider = new CredentialsProvider(source, Duration.ofMillis(50), TestMetrics.discarding(), java.time.Clock.systemUTC(), Duration.ZERO);
        provider.prefetch();
        assertThat(provider.loaded()).isTrue();

        provider.forget();

        assertThat(provider.loaded()).isFalse();
        assertThat(provider.openSession().current()).isSameAs(SECOND);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
