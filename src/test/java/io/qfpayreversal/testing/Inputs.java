package io.qfpayreversal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for the direct-invocation input: valid requests, and requests with one or more
 * fields made hostile (wrong characters, lengths, types, numbers, dates; huge, empty, nested).
 */
public final class Inputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ONE_MEGABYTE = "9".repeat(1_000_000);
    private static final List<String> FORBIDDEN = List.of("&", "=", "%", "+", " ", "\u0000", "\n", "\t", "é", "中",
            "\uD83D\uDE00", "/", "?", "#", "'", "\"", "\\", "<", "１");

    /** A valid request and the fields it was made with. */
    public record Valid(ObjectNode input, String syssn, String outTradeNo, long txamt, String txdtm, String mchid,
            String udid) {
    }

    /** An input with {@code badFields} made invalid; every other field is valid. */
    public record Hostile(ObjectNode input, Set<String> badFields) {
        @Override
        public String toString() {
            String text = input.toString();
            return badFields + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private Inputs() {
    }

    public static Arbitrary<Valid> valid() {
        Arbitrary<String> syssn = chars(ALNUM, 1, 40);
        Arbitrary<String> outTradeNo = chars(ALNUM + "_-|*.", 1, 128);
        Arbitrary<Long> txamt = Arbitraries.longs().between(1, 99_999_999_999L);
        Arbitrary<String> txdtm = Arbitraries.longs().between(0, 40L * 365 * 24 * 3600)
                .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s).toString().replace('T', ' '))
                .map(t -> t.length() == 16 ? t + ":00" : t);
        Arbitrary<String> mchid = chars(ALNUM, 1, 16);
        Arbitrary<String> udid = chars(ALNUM + "_-.", 1, 40);
        return Combinators.combine(syssn, outTradeNo, txamt, txdtm, mchid, udid).as((s, o, a, t, m, u) -> {
            ObjectNode input = NODES.objectNode().put("action", "reverse").put("syssn", s).put("out_trade_no", o)
                    .put("txdtm", t).put("pay_type", "800101").put("mchid", m).put("udid", u);
            input.put("txamt", a);
            return new Valid(input, s, o, a, t, m, u);
        });
    }

    /** Valid requests with a non-empty set of fields replaced by hostile values. */
    public static Arbitrary<Hostile> hostile(Set<String> corruptible) {
        return Combinators.combine(valid(), Arbitraries.of(corruptible).set().ofMinSize(1),
                Arbitraries.randoms()).as((valid, fields, random) -> {
                    ObjectNode input = valid.input().deepCopy();
                    for (String field : fields) {
                        List<JsonNode> bad = badValues(field);
                        JsonNode value = bad.get(random.nextInt(bad.size()));
                        if (value == null) {
                            input.remove(field);
                        } else {
                            input.set(field, value);
                        }
                    }
                    return new Hostile(input, fields);
                });
    }

    public static final Set<String> ALL_FIELDS = Set.of("action", "syssn", "out_trade_no", "txamt", "txdtm",
            "pay_type", "mchid", "udid");

    /** Values each field must reject ({@code null} in the list: the field is left out). */
    private static List<JsonNode> badValues(String field) {
        return switch (field) {
            case "action" -> List.of(text("refund"), text("REVERSE"), text(""), text("reverse "), NODES.numberNode(1),
                    NODES.booleanNode(true), nested());
            case "txamt" -> java.util.Arrays.asList(NODES.numberNode(0), NODES.numberNode(-5), NODES.numberNode(1.5),
                    NODES.numberNode(new BigDecimal("1e3")), NODES.numberNode(100_000_000_000L),
                    NODES.numberNode(new BigInteger("99999999999999999999999")), NODES.numberNode(2500.0),
                    text(""), text(" 12"), text("12a"), text("-5"), text("+5"), text("1e3"), text("１２"),
                    text(ONE_MEGABYTE), text("100000000000"), NODES.booleanNode(false), NODES.arrayNode().add(1),
                    nested(), NODES.nullNode(), null);
            case "txdtm" -> java.util.Arrays.asList(text(""), text("2026-02-30 10:00:00"), text("2023-02-29 10:00:00"),
                    text("2026-01-01 24:00:00"), text("2026-01-01T10:00:00"), text("2026-01-01 10:00"),
                    text("2026-01-01 10:00:00Z"), text("26-01-01 10:00:00"), text("２０２６-01-01 10:00:00"),
                    text(ONE_MEGABYTE), NODES.numberNode(20260101), NODES.booleanNode(true), nested(),
                    NODES.nullNode(), null);
            case "pay_type" -> badText("80010", "8001010", NODES.numberNode(12345), NODES.numberNode(-800101),
                    NODES.numberNode(1.5), NODES.numberNode(8001011));
            default -> badText(ALNUM.repeat(4).substring(0, maxLength(field) + 1), null, NODES.numberNode(7),
                    NODES.numberNode(-1), NODES.numberNode(0.5), NODES.booleanNode(true));
        };
    }

    private static List<JsonNode> badText(String tooLong, String alsoBad, JsonNode... wrongTypes) {
        List<JsonNode> values = new java.util.ArrayList<>();
        values.add(text(""));
        values.add(text(tooLong));
        values.add(text(ONE_MEGABYTE + "x"));
        if (alsoBad != null) {
            values.add(text(alsoBad));
        }
        for (String c : FORBIDDEN) {
            values.add(text("AB" + c + "12"));
        }
        values.addAll(List.of(wrongTypes));
        values.add(NODES.arrayNode().add("a"));
        values.add(nested());
        return values;
    }

    private static int maxLength(String field) {
        return switch (field) {
            case "syssn", "udid" -> 40;
            case "out_trade_no" -> 128;
            case "mchid" -> 16;
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static JsonNode nested() {
        try {
            return JSON.readTree("{\"a\":{\"b\":[1,{\"c\":null}]}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    private static Arbitrary<String> chars(String alphabet, int min, int max) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }
}
