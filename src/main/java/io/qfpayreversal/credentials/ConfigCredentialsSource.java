package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.time.Deadline;

/** Credentials from {@code QFPAY_APP_CODE}, {@code QFPAY_CLIENT_KEY} and {@code QFPAY_MCHID}. */
final class ConfigCredentialsSource implements CredentialsSource {

    private final QfpayConfig config;

    ConfigCredentialsSource(QfpayConfig config) {
        this.config = config;
    }

    @Override
    public Credentials load(Deadline deadline) {
        String appCode = config.appCode().orElseThrow(() -> missing("QFPAY_APP_CODE"));
        String clientKey = config.clientKey().orElseThrow(() -> missing("QFPAY_CLIENT_KEY"));
        return new Credentials(appCode, clientKey, config.mchid().orElse(null));
    }

    @Override
    public boolean reloadable() {
        return false;
    }

    private static ConfigurationException missing(String variable) {
        return new ConfigurationException("QFPay credentials are not configured: set QFPAY_SSM_PATH, or "
                + variable + " (with QFPAY_APP_CODE and QFPAY_CLIENT_KEY) for local runs");
    }
}
