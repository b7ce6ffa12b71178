package io.qfpayreversal.qfpay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * QFPay's request signature: the sent parameters sorted by name, joined as {@code k=v} with
 * {@code &}, the client key appended with no separator, hashed over UTF-8, upper-case hex.
 * Values are signed raw, before form encoding. The sign string ends with the key: it never
 * leaves this class.
 */
public final class QfpaySigner {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private QfpaySigner() {
    }

    /** The part of the sign string before the key, e.g. {@code a=1&b=2}. Holds no secret. */
    public static String canonical(SortedMap<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    public static String sign(SortedMap<String, String> params, String clientKey, SignType type) {
        byte[] signString = (canonical(params) + clientKey).getBytes(StandardCharsets.UTF_8);
        return UPPER_HEX.formatHex(digest(type).digest(signString));
    }

    private static MessageDigest digest(SignType type) {
        try {
            return MessageDigest.getInstance(type.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + type.jcaName(), e);
        }
    }
}
