package io.qfpayreversal.credentials;

import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.time.Deadline;

/**
 * The credentials one invocation signs with. After QFPay rejects a signature (1108) the session may
 * reload them from SSM once; a second rejection is a configuration fault.
 */
public final class CredentialsSession {

    private final CredentialsProvider provider;
    private final Deadline deadline;
    private Credentials credentials;
    private boolean reloaded;

    CredentialsSession(CredentialsProvider provider, Deadline deadline) {
        this.provider = provider;
        this.deadline = deadline;
    }

    public synchronized Credentials current() {
        if (credentials == null) {
            credentials = provider.current(deadline);
        }
        return credentials;
    }

    /**
     * Replaces credentials QFPay rejected. Throws {@link ConfigurationException} when they cannot
     * be reloaded or were reloaded already in this invocation.
     */
    public synchronized Credentials replaceRejected(Credentials rejected) {
        if (credentials != rejected) {
            return credentials;
        }
        if (reloaded || !provider.reloadable()) {
            throw new ConfigurationException("QFPay rejected the signature (respcd 1108)"
                    + (reloaded ? " even after reloading the credentials from SSM" : "")
                    + ": check the app code and client key");
        }
        reloaded = true;
        credentials = provider.reload(rejected, deadline);
        return credentials;
    }
}
