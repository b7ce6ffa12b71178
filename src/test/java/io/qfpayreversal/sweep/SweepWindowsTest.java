package io.qfpayreversal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SweepWindowsTest {

    @Test
    void between_withinOneMonth_isOneWindow() {
        assertThat(SweepWindows.between(LocalDateTime.of(2026, 11, 3, 10, 0), LocalDateTime.of(2026, 11, 4, 9, 50)))
                .containsExactly(new SweepWindows.Window(LocalDateTime.of(2026, 11, 3, 10, 0),
                        LocalDateTime.of(2026, 11, 4, 9, 50)));
    }

    @Test
    void between_acrossFebruaryOfALeapYear_splitsAtEachMonthEnd() {
        assertThat(SweepWindows.between(LocalDateTime.of(2028, 1, 31, 12, 0, 0, 500),
                LocalDateTime.of(2028, 3, 1, 0, 10)))
                .containsExactly(
                        new SweepWindows.Window(LocalDateTime.of(2028, 1, 31, 12, 0), LocalDateTime.of(2028, 1, 31, 23, 59, 59)),
                        new SweepWindows.Window(LocalDateTime.of(2028, 2, 1, 0, 0), LocalDateTime.of(2028, 2, 29, 23, 59, 59)),
                        new SweepWindows.Window(LocalDateTime.of(2028, 3, 1, 0, 0), LocalDateTime.of(2028, 3, 1, 0, 10)));
    }

    @Test
    void between_emptyRange_hasNoWindow() {
        assertThat(SweepWindows.between(LocalDateTime.of(2026, 11, 4, 0, 0), LocalDateTime.of(2026, 11, 3, 0, 0)))
                .isEmpty();
    }
}
