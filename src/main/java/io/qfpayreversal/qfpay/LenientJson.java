package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Reads QFPay's loosely typed JSON: numbers may come as strings and strings as numbers. */
final class LenientJson {

    private LenientJson() {
    }

    /** The field as text, or {@code null} when absent, null, empty or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A result code: a number such as {@code 0} or {@code 1143} is read as its four-digit code. */
    static String respcd(JsonNode node) {
        String code = text(node, "respcd");
        if (code != null && code.length() < 4 && code.chars().allMatch(Character::isDigit)) {
            return "0".repeat(4 - code.length()) + code;
        }
        return code;
    }

    /** The field as a whole number, or {@code null} when absent or not a whole number. */
    static Long whole(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
