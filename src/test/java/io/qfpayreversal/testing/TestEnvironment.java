package io.qfpayreversal.testing;

import io.qfpayreversal.simulator.QfpaySimulator;

/** The running simulator and SSM, for tests to script payments and rotate keys. */
public final class TestEnvironment {

    private static volatile QfpaySimulator simulator;
    private static volatile MotoSsm ssm;

    private TestEnvironment() {
    }

    static void set(QfpaySimulator sim, MotoSsm moto) {
        simulator = sim;
        ssm = moto;
    }

    public static QfpaySimulator simulator() {
        return simulator;
    }

    public static MotoSsm ssm() {
        return ssm;
    }
}
