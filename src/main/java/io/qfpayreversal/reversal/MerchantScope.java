package io.qfpayreversal.reversal;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Which merchant ids a request's {@code mchid} may name: the configured one always, and those the
 * configuration allows this caller (an agent's sub-merchants). The configured one is asked for only
 * when an input names a merchant that is not listed.
 */
public final class MerchantScope {

    /** Any well-formed merchant id: for checking the input's shape alone. */
    static final MerchantScope ANY = new MerchantScope(true, Set.of(), () -> null);

    private final boolean any;
    private final Set<String> listed;
    private final Supplier<String> configured;

    MerchantScope(boolean any, Set<String> listed, Supplier<String> configured) {
        this.any = any;
        this.listed = Set.copyOf(listed);
        this.configured = configured;
    }

    boolean allows(String mchid) {
        return any || listed.contains(mchid) || mchid.equals(configured.get());
    }
}
