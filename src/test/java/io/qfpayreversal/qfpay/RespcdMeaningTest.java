package io.qfpayreversal.qfpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RespcdMeaningTest {

    @ParameterizedTest(name = "{0} on {1} means {2}")
    @CsvSource({
        "0000, REVERSAL, SUCCESS",
        "1143, REVERSAL, PROCESSING",
        "1145, CLOSE,    PROCESSING",
        "1298, REVERSAL, PROCESSING",
        "1142, REVERSAL, ALREADY_CANCELLED",
        "1263, CLOSE,    ALREADY_CANCELLED",
        "1264, REVERSAL, ALREADY_CANCELLED",
        "1260, REVERSAL, COMPLETED",
        "1136, REVERSAL, NOT_FOUND",
        "1268, CLOSE,    NOT_FOUND",
        "1108, REVERSAL, BAD_SIGNATURE",
        "2003, REVERSAL, BAD_SIGNATURE",
        "1150, REVERSAL, NOT_SUPPORTED",
        "1297, CLOSE,    NOT_SUPPORTED",
        "1297, REVERSAL, BUSY",
        "1100, REVERSAL, BUSY",
        "1205, CLOSE,    BUSY",
        "1295, REVERSAL, BUSY",
        "1296, REVERSAL, BUSY",
        "1266, REVERSAL, REFUSED",
        "1267, REVERSAL, REFUSED",
        "1102, REVERSAL, UNSETTLED",
        "1101, CLOSE,    UNSETTLED",
        "9999, CLOSE,    REFUSED",
    })
    void of_mapsEveryDocumentedCode(String respcd, CancelOperation operation, RespcdMeaning expected) {
        assertThat(RespcdMeaning.of(respcd, operation)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1143, true", "1145, true", "0000, false", "1181, false"})
    void isUndeterminedPayment_onlyFor1143And1145(String respcd, boolean undetermined) {
        assertThat(RespcdMeaning.isUndeterminedPayment(respcd)).isEqualTo(undetermined);
    }
}
