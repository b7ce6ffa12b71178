package io.qfpayreversal.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID =
            "{\"syssn\":\"20260305066100020000977812\",\"txamt\":2500,\"txdtm\":\"2026-03-05 16:50:30\"}";

    @Test
    void validate_fullInput_keepsEveryField() {
        ReversalRequest request = RequestValidator.validate(json("""
                {"action":"reverse","syssn":"S1","out_trade_no":"A_b-c|d*e.f","txamt":"000250",
                 "txdtm":"2024-02-29 23:59:59","pay_type":800101,"mchid":"MNxMp11FV35qQN","udid":"pos_7.a-b",
                 "unknown":"ignored"}
                """));
        assertThat(request).isEqualTo(new ReversalRequest(Action.REVERSE, "S1", "A_b-c|d*e.f", 250L,
                "2024-02-29 23:59:59", "800101", "MNxMp11FV35qQN", "pos_7.a-b"));
    }

    @Test
    void validate_actionDefaultsToReverse() {
        assertThat(RequestValidator.validate(json(VALID)).action()).isEqualTo(Action.REVERSE);
    }

    @Test
    void validate_status_needsOnlyAnIdentifier() {
        assertThat(RequestValidator.validate(json("{\"action\":\"status\",\"out_trade_no\":\"X1\"}")).outTradeNo())
                .isEqualTo("X1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"syssn\":\"\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"}                | syssn",
        "{\"syssn\":\"a b\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"}             | syssn",
        "{\"syssn\":12345,\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"}               | syssn",
        "{\"syssn\":\"S\",\"out_trade_no\":\"a&b\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"} | out_trade_no",
        "{\"syssn\":\"S\",\"txamt\":0,\"txdtm\":\"2026-01-01 00:00:00\"}               | txamt",
        "{\"syssn\":\"S\",\"txamt\":-5,\"txdtm\":\"2026-01-01 00:00:00\"}              | txamt",
        "{\"syssn\":\"S\",\"txamt\":1.5,\"txdtm\":\"2026-01-01 00:00:00\"}             | txamt",
        "{\"syssn\":\"S\",\"txamt\":1e3,\"txdtm\":\"2026-01-01 00:00:00\"}             | txamt",
        "{\"syssn\":\"S\",\"txamt\":100000000000,\"txdtm\":\"2026-01-01 00:00:00\"}    | txamt",
        "{\"syssn\":\"S\",\"txamt\":\"12a\",\"txdtm\":\"2026-01-01 00:00:00\"}         | txamt",
        "{\"syssn\":\"S\",\"txamt\":true,\"txdtm\":\"2026-01-01 00:00:00\"}            | txamt",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-02-30 10:00:00\"}               | txdtm",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01T10:00:00\"}               | txdtm",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 24:00:00\"}               | txdtm",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\",\"pay_type\":\"80010\"}  | pay_type",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\",\"pay_type\":8001011}    | pay_type",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\",\"mchid\":\"M-1\"}       | mchid",
        "{\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\",\"udid\":\"pos 7\"}      | udid",
        "{\"action\":\"refund\",\"syssn\":\"S\",\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"} | action",
        "{\"txamt\":1,\"txdtm\":\"2026-01-01 00:00:00\"}                                 | syssn",
        "{\"syssn\":\"S\",\"txdtm\":\"2026-01-01 00:00:00\"}                             | txamt",
        "{\"syssn\":\"S\",\"txamt\":1}                                                   | txdtm",
    })
    void validate_badField_isNamed(String input, String field) {
        assertThatThrownBy(() -> RequestValidator.validate(json(input)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(Violation::field).containsExactly(field));
    }

    @Test
    void validate_reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> RequestValidator.validate(json("{\"syssn\":\"!\",\"txamt\":0,\"udid\":\"a b\"}")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("syssn", "txamt", "udid", "txdtm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"reverse\"", "42", "null"})
    void validate_nonObjectInput_isRejected(String input) {
        assertThatThrownBy(() -> RequestValidator.validate(json(input)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void validate_messagesNeverEchoTheValue() {
        assertThatThrownBy(() -> RequestValidator.validate(json("{\"syssn\":\"<script>x</script>\"}")))
                .hasMessageNotContaining("script");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
