package io.qfpayreversal.credentials;

import io.qfpayreversal.time.Deadline;

/** Where credentials come from: SSM in Lambda, plain configuration in local runs. */
public interface CredentialsSource {

    /**
     * Loads the credentials within {@code deadline} (a remote load gets no longer than the time
     * left), or throws {@link io.qfpayreversal.error.ConfigurationException}.
     */
    Credentials load(Deadline deadline);

    /** Whether loading again may give newer credentials (after a key rotation). */
    boolean reloadable();
}
