package io.qfpayreversal.sweep;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Splits a time range at calendar-month boundaries: QFPay's query rejects ranges across months. */
final class SweepWindows {

    record Window(LocalDateTime start, LocalDateTime end) {
    }

    private SweepWindows() {
    }

    /** Whole seconds from {@code from} to {@code to}, both inclusive, one window per month touched. */
    static List<Window> between(LocalDateTime from, LocalDateTime to) {
        List<Window> windows = new ArrayList<>();
        LocalDateTime start = from.withNano(0);
        LocalDateTime end = to.withNano(0);
        while (!start.isAfter(end)) {
            LocalDateTime monthEnd = YearMonth.from(start).atEndOfMonth().atTime(23, 59, 59);
            LocalDateTime windowEnd = monthEnd.isBefore(end) ? monthEnd : end;
            windows.add(new Window(start, windowEnd));
            start = windowEnd.plusSeconds(1);
        }
        return windows;
    }
}
