package io.qfpayreversal.ledger;

import io.qfpayreversal.error.QfpayUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one mapping of a ledger fault to the public errors: throttled, unreachable, timed out, denied
 * or failing, the ledger is unknown, so nothing is sent and no refund is advised; the caller gets
 * {@link QfpayUnavailableException} (retryable: every call reads QFPay and the ledger before it acts).
 * A denial is retried too: right after a deployment IAM can deny for a while. Messages carry AWS's
 * error code, never credentials.
 */
final class LedgerFaults {

    private LedgerFaults() {
    }

    static QfpayUnavailableException of(String doing, String table, SdkException e) {
        boolean timeout = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        String why = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? "DynamoDB answered " + aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + ")"
                : timeout ? "DynamoDB did not answer in time" : "DynamoDB could not be reached ("
                        + e.getClass().getSimpleName() + ")";
        return new QfpayUnavailableException("The cancel ledger (table " + table + ") could not be "
                + doing + ": " + why + ". No cancel is sent and no refund advised while the ledger is"
                + " unknown; retrying later is safe.", timeout);
    }

    static QfpayUnavailableException noTime(String doing, String table) {
        return new QfpayUnavailableException("No time was left to " + doing + " the cancel ledger (table " + table
                + "): no cancel is sent and no refund advised while it is unknown. Retrying is safe.", true);
    }
}
