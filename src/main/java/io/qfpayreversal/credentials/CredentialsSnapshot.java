package io.qfpayreversal.credentials;

import io.qfpayreversal.config.QfpayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The credentials' side of a SnapStart snapshot: before it, the SSM client is built (its class
 * loading and set-up land in the snapshot) but nothing is fetched, and any QFPay key or AWS
 * credentials held are dropped; after the restore, the credentials are loaded again.
 */
@ApplicationScoped
public class CredentialsSnapshot {

    private final QfpayConfig config;
    private final Instance<SsmClient> ssm;
    private final CredentialsProvider credentials;
    private final LambdaAwsCredentials awsCredentials;

    CredentialsSnapshot(QfpayConfig config, Instance<SsmClient> ssm, CredentialsProvider credentials,
            LambdaAwsCredentials awsCredentials) {
        this.config = config;
        this.ssm = ssm;
        this.credentials = credentials;
        this.awsCredentials = awsCredentials;
    }

    /** Before the snapshot: an SSM client ready to call, and no secret held. Opens no connection. */
    public void beforeCheckpoint() {
        if (config.ssmPath().isPresent()) {
            ssm.get().serviceClientConfiguration(); // builds the client; sends nothing
        }
        credentials.forget();
        awsCredentials.forget();
    }

    /** After the restore: loads the QFPay credentials with this environment's own AWS credentials. */
    public void afterRestore() {
        credentials.prefetch();
    }
}
