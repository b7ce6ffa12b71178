package io.qfpayreversal.credentials;

/** Where credentials come from: SSM in Lambda, plain configuration in local runs. */
public interface CredentialsSource {

    /** Loads the credentials, or throws {@link io.qfpayreversal.error.ConfigurationException}. */
    Credentials load();

    /** Whether loading again may give newer credentials (after a key rotation). */
    boolean reloadable();
}
