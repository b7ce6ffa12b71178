package io.qfpayreversal.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A packaged function's environment for the packaged-artifact tests: AWS (SSM and the cancel
 * ledger's DynamoDB) on moto with the key variables, QFPay played by the simulator, a 2 s polling
 * budget. A test adds or overrides what it needs.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(MotoSsm ssm, String ssmPath, String dynamoDbEndpoint, String ledgerTable,
            String qfpayBaseUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", MotoSsm.REGION);
        environment.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint);
        environment.put("AWS_ACCESS_KEY_ID", MotoSsm.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", MotoSsm.SECRET_KEY);
        environment.put("QFPAY_SSM_PATH", ssmPath);
        environment.put("QFPAY_LEDGER_TABLE", ledgerTable);
        environment.put("QFPAY_BASE_URL", qfpayBaseUrl);
        environment.put("QFPAY_POLL_BUDGET", "2s");
        return environment;
    }
}
