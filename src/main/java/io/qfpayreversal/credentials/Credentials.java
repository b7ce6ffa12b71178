package io.qfpayreversal.credentials;

/** What signs QFPay calls. {@link #toString()} never shows the key. */
public record Credentials(String appCode, String clientKey, String mchid) {

    @Override
    public String toString() {
        return "Credentials[appCode=" + appCode + ", clientKey=***, mchid=" + mchid + "]";
    }
}
