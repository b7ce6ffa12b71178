package io.qfpayreversal.testing;

import io.qfpayreversal.simulator.QfpaySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What every end-to-end test runs against: the QFPay simulator and SSM on moto_server, with the
 * credentials stored in SSM as an operator would store them. Tests get both through
 * {@link TestEnvironment}.
 */
public class QfpayTestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String SSM_PATH = "/qfpay/test";
    public static final String APP_CODE = "APPCODE0000TEST";
    /** Recognisable, so the leak test can look for it in logs and answers. */
    public static final String CLIENT_KEY = "SECRETKEY-5744993FBC034DBB";
    /** The cancel ledger's table in moto. */
    public static final String LEDGER_TABLE = "qfpay-cancel-ledger";

    private MotoSsm ssm;
    private QfpaySimulator simulator;
    private DynamoDbGate dynamoDb;

    @Override
    public Map<String, String> start() {
        try {
            ssm = MotoSsm.start();
            ssm.putCredentials(SSM_PATH, APP_CODE, CLIENT_KEY);
            ssm.createLedgerTable(LEDGER_TABLE);
            dynamoDb = DynamoDbGate.in(ssm.endpoint());
            simulator = QfpaySimulator.start(0, APP_CODE, CLIENT_KEY);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test environment", e);
        }
        TestEnvironment.set(simulator, ssm, dynamoDb);
        return Map.of(
                "qfpay.base-url", simulator.baseUrl(),
                "qfpay.ssm-path", SSM_PATH,
                // The tests play the sweep function too; the native packaged run gets it from here.
                "qfpay.sweep.enabled", "true",
                // AWS_ENDPOINT_URL_SSM, AWS_REGION and the key variables, as Lambda would set them.
                "aws.endpoint-url-ssm", ssm.endpoint(),
                "qfpay.ledger.table", LEDGER_TABLE,
                "aws.endpoint-url-dynamodb", dynamoDb.endpoint(),
                "aws.region", MotoSsm.REGION,
                "aws.access-key-id", MotoSsm.ACCESS_KEY,
                "aws.secret-access-key", MotoSsm.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (ssm != null) {
            ssm.close();
        }
    }
}
