package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The credentials' side of a SnapStart snapshot: before it, the SSM call is primed (its class
 * loading and set-up land in the snapshot) but nothing is fetched, and any QFPay key or AWS
 * credentials held are dropped; after the restore, the credentials are loaded again.
 */
@ApplicationScoped
public class CredentialsSnapshot {

    private final QfpayConfig config;
    private final Instance<SsmParameters> ssm;
    private final CredentialsProvider credentials;
    private final LambdaAwsCredentials awsCredentials;

    CredentialsSnapshot(QfpayConfig config, Instance<SsmParameters> ssm, CredentialsProvider credentials,
            LambdaAwsCredentials awsCredentials) {
        this.config = config;
        this.ssm = ssm;
        this.credentials = credentials;
        this.awsCredentials = awsCredentials;
    }

    /** Before the snapshot: the SSM call ready, and no secret held. Opens no connection. */
    public void beforeCheckpoint() {
        try {
            if (config.ssmPath().isPresent()) {
                ssm.get().prime(); // builds the client and signs once; sends nothing
            }
        } finally {
            credentials.forget();
            awsCredentials.forget();
        }
    }

    /** After the restore: loads the QFPay credentials with this environment's own AWS credentials. */
    public void afterRestore() {
        credentials.prefetch();
    }
}
