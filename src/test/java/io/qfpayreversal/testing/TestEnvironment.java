package io.qfpayreversal.testing;

import io.qfpayreversal.simulator.QfpaySimulator;

/** The running simulator, SSM and the ledger's DynamoDB, for tests to script payments, rotate keys and race. */
public final class TestEnvironment {

    private static volatile QfpaySimulator simulator;
    private static volatile MotoSsm ssm;
    private static volatile DynamoDbGate dynamoDb;

    private TestEnvironment() {
    }

    static void set(QfpaySimulator sim, MotoSsm moto, DynamoDbGate gate) {
        simulator = sim;
        ssm = moto;
        dynamoDb = gate;
    }

    /** The function's DynamoDB (moto behind a gate that can throttle or deny). */
    public static DynamoDbGate dynamoDb() {
        return dynamoDb;
    }

    public static QfpaySimulator simulator() {
        return simulator;
    }

    public static MotoSsm ssm() {
        return ssm;
    }
}
