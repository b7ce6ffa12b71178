package io.qfpayreversal.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookupMonthsTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-27T12:00:00");

    @ParameterizedTest(name = "txdtm {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-10-15T10:00:00 | 2026-10",
            "2026-10-31T23:59:58 | 2026-10,2026-11",
            "2026-10-30T23:59:59 | 2026-10",
            "2025-12-31T12:00:00 | 2025-12,2026-01",
            "2026-11-30T23:59:58 | 2026-11",
            "2026-11-01T00:00:05 | 2026-11,2026-10",
            "2024-02-29T08:00:00 | 2024-02,2024-03"})
    void of_txdtm_searchesItsMonthAndThePastNeighbourWithinADayOfTheBoundary(String txdtm, String months) {
        assertThat(LookupMonths.of(LocalDateTime.parse(txdtm), NOW)).map(YearMonth::toString)
                .containsExactly(months.split(","));
    }

    @ParameterizedTest(name = "no txdtm -> {0}")
    @CsvSource(delimiter = '|', value = "2026-11,2026-10")
    void of_noTxdtm_searchesTheCurrentAndThePreviousMonth(String months) {
        assertThat(LookupMonths.of(null, NOW)).map(YearMonth::toString).containsExactly(months.split(","));
    }
}
