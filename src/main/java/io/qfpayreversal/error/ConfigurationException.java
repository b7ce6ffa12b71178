package io.qfpayreversal.error;

/**
 * The credentials are missing, cannot be loaded, or were rejected by QFPay (respcd 1108) even after
 * a reload from SSM. An operator must fix the configuration; retrying the same call will not help.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
