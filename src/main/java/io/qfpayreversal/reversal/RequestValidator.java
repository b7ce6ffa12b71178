package io.qfpayreversal.reversal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a direct-invocation input against docs/contract.md and reports every violation at once.
 * Messages name the field and the rule, never echo the value.
 */
public final class RequestValidator {

    public static final DateTimeFormatter TXDTM = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern SYSSN = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_\\-|*.]{1,128}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,11}");
    private static final Pattern TXDTM_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static final Pattern PAY_TYPE = Pattern.compile("[0-9]{6}");
    private static final Pattern MCHID = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Pattern UDID = Pattern.compile("[A-Za-z0-9_\\-.]{1,40}");
    private static final long MAX_TXAMT = 99_999_999_999L;

    private final JsonNode input;
    private final List<Violation> violations = new ArrayList<>();

    private RequestValidator(JsonNode input) {
        this.input = input;
    }

    /**
     * The action the input asks for, or {@code null} when the input or its action is invalid (then
     * {@link #validate} reports it together with every other violation).
     */
    public static Action peekAction(JsonNode input) {
        if (input == null || !input.isObject()) {
            return null;
        }
        RequestValidator validator = new RequestValidator(input);
        Action action = validator.readAction();
        return validator.violations.isEmpty() ? action : null;
    }

    /**
     * Checks the input, and that its {@code mchid}, when there is one, is a merchant {@code scope}
     * allows; every violation is reported at once.
     */
    public static ReversalRequest validate(JsonNode input, MerchantScope scope) {
        RequestValidator v = new RequestValidator(requireObject(input));
        Action action = v.readAction();
        String syssn = v.text("syssn", SYSSN, "must be 1 to 40 letters or digits");
        String outTradeNo = v.text("out_trade_no", OUT_TRADE_NO,
                "must be 1 to 128 letters, digits or the characters _ - | * .");
        Long txamt = v.amount();
        String txdtm = v.time();
        String payType = v.payType();
        String mchid = v.mchid(scope);
        String udid = v.text("udid", UDID, "must be 1 to 40 letters, digits or the characters _ - .");
        if (action != Action.SWEEP && syssn == null && outTradeNo == null && v.isValid("syssn") && v.isValid("out_trade_no")) {
            v.violations.add(new Violation("syssn", "syssn or out_trade_no is required"));
        }
        if (action == null || action == Action.REVERSE) { // an invalid action is checked as the default
            v.require("txamt", txamt);
            v.require("txdtm", txdtm);
        }
        v.throwIfInvalid();
        return new ReversalRequest(action, syssn, outTradeNo, txamt, txdtm, payType, mchid, udid);
    }

    /**
     * The input's {@code mchid} by the rule {@link #validate} applies (well-formed, and a merchant
     * {@code scope} allows), for inputs checked elsewhere (the sweep's): {@code null} when absent or
     * invalid, and then its violation is added to {@code violations}.
     */
    public static String mchid(JsonNode input, MerchantScope scope, List<Violation> violations) {
        RequestValidator v = new RequestValidator(requireObject(input));
        String mchid = v.mchid(scope);
        violations.addAll(v.violations);
        return mchid;
    }

    /** Whether {@code mchid} has the shape of a merchant id: 1 to 16 ASCII letters or digits. */
    static boolean wellFormedMchid(String mchid) {
        return mchid != null && MCHID.matcher(mchid).matches();
    }

    /** The input's shape alone, any well-formed {@code mchid} accepted: for the validator's own tests. */
    static ReversalRequest validate(JsonNode input) {
        return validate(input, MerchantScope.ANY);
    }

    /**
     * Checks values read from a QFPay row by the rules for caller input, before a sweep signs and
     * sends them back to QFPay: empty when they pass, else each violation as {@code field: rule}.
     */
    public static Optional<String> rowProblems(String syssn, String outTradeNo, Long txamt, String txdtm,
            String payType) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("syssn", syssn).put("out_trade_no", outTradeNo)
                .put("txdtm", txdtm).put("pay_type", payType);
        row.put("txamt", txamt);
        try {
            validate(row, MerchantScope.ANY);
            return Optional.empty();
        } catch (InvalidRequestException e) {
            return Optional.of(e.violations().stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }

    private static JsonNode requireObject(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new InvalidRequestException(List.of(new Violation("$", "the input must be a JSON object")));
        }
        return input;
    }

    private Action readAction() {
        JsonNode node = present("action");
        if (node == null) {
            return Action.REVERSE;
        }
        for (Action action : Action.values()) {
            if (node.isTextual() && action.wireName().equals(node.textValue())) {
                return action;
            }
        }
        violations.add(new Violation("action", "must be one of reverse, status, sweep"));
        return null;
    }

    private String text(String field, Pattern rule, String message) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        if (!rule.matcher(node.textValue()).matches()) {
            violations.add(new Violation(field, message));
            return null;
        }
        return node.textValue();
    }

    private String mchid(MerchantScope scope) {
        String mchid = text("mchid", MCHID, "must be 1 to 16 letters or digits");
        if (mchid != null && !scope.allows(mchid)) {
            violations.add(new Violation("mchid", "must be the configured merchant id, or one this caller is"
                    + " allowed to act for (QFPAY_ALLOWED_MCHIDS)"));
            return null;
        }
        return mchid;
    }

    private Long amount() {
        JsonNode node = present("txamt");
        if (node == null) {
            return null;
        }
        Long value = null;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && DIGITS.matcher(node.textValue()).matches()) {
            value = Long.parseLong(node.textValue());
        }
        if (value == null || value < 1 || value > MAX_TXAMT) {
            violations.add(new Violation("txamt",
                    "must be a whole number of cents from 1 to 99999999999 (a JSON number or a string of digits)"));
            return null;
        }
        return value;
    }

    private String time() {
        String text = text("txdtm", TXDTM_SHAPE, "must be a time in the form yyyy-MM-dd HH:mm:ss");
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime.parse(text, TXDTM);
            return text;
        } catch (DateTimeParseException e) {
            violations.add(new Violation("txdtm", "must be a real calendar time in the form yyyy-MM-dd HH:mm:ss"));
            return null;
        }
    }

    private String payType() {
        JsonNode node = present("pay_type");
        if (node != null && node.isIntegralNumber()) {
            String digits = node.asText();
            if (PAY_TYPE.matcher(digits).matches()) {
                return digits;
            }
            violations.add(new Violation("pay_type", "must be 6 digits"));
            return null;
        }
        return text("pay_type", PAY_TYPE, "must be 6 digits");
    }

    private void require(String field, Object value) {
        if (value == null && isValid(field)) {
            violations.add(new Violation(field, "is required"));
        }
    }

    private boolean isValid(String field) {
        return violations.stream().noneMatch(v -> v.field().equals(field));
    }

    /** The field's node, or {@code null} when it is missing or JSON null. */
    private JsonNode present(String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
