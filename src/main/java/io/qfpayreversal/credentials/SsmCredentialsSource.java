package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.time.Deadline;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Credentials from SSM Parameter Store: {@code <path>/app-code}, {@code <path>/client-key}
 * (SecureString, decrypted) and optional {@code <path>/mchid}, in one {@code GetParameters} call.
 */
@ApplicationScoped
class SsmCredentialsSource implements CredentialsSource {

    private static final Logger LOG = Logger.getLogger(SsmCredentialsSource.class);

    private final SsmParameters ssm;
    private final QfpayConfig config;

    SsmCredentialsSource(SsmParameters ssm, QfpayConfig config) {
        this.ssm = ssm;
        this.config = config;
    }

    @Override
    public Credentials load(Deadline deadline) {
        String path = config.ssmPath().orElseThrow().replaceAll("/+$", "");
        String appCodeName = path + "/app-code";
        String clientKeyName = path + "/client-key";
        String mchidName = path + "/mchid";
        // No longer than the invocation has left, nor than the SSM call's own limit, retries included.
        Duration timeout = deadline.callTimeout(config.ssmCallTimeout()).orElseThrow(() -> new ConfigurationException(
                "Too little time was left to load the QFPay credentials from SSM path " + path));
        Map<String, String> values;
        try {
            values = ssm.get(List.of(appCodeName, clientKeyName, mchidName), deadline.within(timeout));
        } catch (SdkException e) {
            // The SDK's text names ARNs and the account: it goes to the log, not into the error.
            LOG.warnf("loading QFPay credentials from SSM path %s failed: %s: %s", path, e.getClass().getSimpleName(),
                    e.getMessage());
            throw new ConfigurationException("Could not load QFPay credentials from SSM path " + path + " ("
                    + reason(e) + "; the function's log has the details)");
        }
        return new Credentials(required(values, appCodeName), required(values, clientKeyName),
                values.getOrDefault(mchidName, config.mchid().orElse(null)));
    }

    /** AWS's error code (AccessDeniedException, ThrottlingException…), or the exception's type. */
    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                && service.awsErrorDetails().errorCode().matches("[A-Za-z0-9.]{1,64}")) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public boolean reloadable() {
        return true;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("SSM parameter " + name + " is missing or empty");
        }
        return value.trim();
    }
}
