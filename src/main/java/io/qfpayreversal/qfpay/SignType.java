package io.qfpayreversal.qfpay;

/** The hash QFPay expects in {@code X-QF-SIGN}, announced by {@code X-QF-SIGNTYPE}. */
public enum SignType {
    MD5("MD5"),
    SHA256("SHA-256");

    private final String jcaName;

    SignType(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }
}
