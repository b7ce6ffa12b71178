package io.qfpayreversal.simulator;

import io.qfpayreversal.qfpay.QfpaySigner;
import io.qfpayreversal.qfpay.SignType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.SortedMap;

/** How QFPay verifies a request's signature: recomputed, compared in constant time, hex case ignored. */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    public static boolean matches(SortedMap<String, String> params, String clientKey, SignType type, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = QfpaySigner.sign(params, clientKey, type).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
