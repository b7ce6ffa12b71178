package io.qfpayreversal.startup;

import io.quarkus.runtime.ImageMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * On the JVM, starts loading the cancel ledger's call path (the AWS SDK's DynamoDB client: most of
 * the ledger's cold-start cost) on a background thread as soon as Quarkus's CDI container exists,
 * during Lambda's init phase, while Quarkus goes on booting on the main thread: by the first
 * invocation's first cancel, the container's own client is built in milliseconds
 * ({@link ColdStartPrefetch}). Only loopback is called (nothing reaches DynamoDB) and no configuration
 * is needed, so it can run this early.
 *
 * <p>Not in a native image: there this event fires while the image is built (the container is
 * started then), and nothing is class-loaded at run time anyway. Not under SnapStart: the init
 * phase's priming belongs before the snapshot ({@link SnapStartHooks}). Not when
 * {@code qfpay.prefetch-at-startup} is off (tests).
 */
@ApplicationScoped
class StaticInitPriming {

    void onContainerStarted(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (ImageMode.current() != ImageMode.JVM || ColdStartPrefetch.underSnapStart()
                || !ConfigProvider.getConfig().getOptionalValue("qfpay.prefetch-at-startup", Boolean.class).orElse(true)) {
            return;
        }
        ColdStartPrefetch.background("cancel ledger call path primed during init", ColdStartPrefetch::primeLedgerCalls);
    }
}
