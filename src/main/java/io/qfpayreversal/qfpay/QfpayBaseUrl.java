package io.qfpayreversal.qfpay;

import io.qfpayreversal.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * {@code QFPAY_BASE_URL} must be {@code https}: over plain {@code http} the app code and signatures
 * travel in clear text and a forged answer would be believed. Only a loopback host (tests, the demo)
 * may be {@code http}.
 */
final class QfpayBaseUrl {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private QfpayBaseUrl() {
    }

    static URI checked(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw refused();
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw refused();
        }
        if ("https".equalsIgnoreCase(uri.getScheme())
                || ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost()))) {
            return uri;
        }
        throw refused();
    }

    /** {@code localhost}, 127.0.0.0/8 or [::1], written out: no name is looked up. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost") || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        String[] octets = host.split("\\.");
        for (String octet : octets) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }

    private static ConfigurationException refused() {
        return new ConfigurationException("QFPAY_BASE_URL must be an https URL of the QFPay host"
                + " (plain http only to a loopback host, for tests)");
    }
}
