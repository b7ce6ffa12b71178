package io.qfpayreversal.reversal;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar months QFPay may have filed a payment under. QFPay filters {@code out_trade_no}
 * queries on its own {@code sysdtm}, one month per query, the current month by default; the
 * merchant's {@code txdtm} can fall on the other side of a month boundary.
 */
final class LookupMonths {

    private LookupMonths() {
    }

    /**
     * With {@code txdtm}: its month, and the neighbouring month when {@code txdtm} is within a day
     * of the boundary. Without: the current month and the previous one. A month that has not begun
     * (give or take a day of clock skew) holds nothing yet and is left out.
     */
    static List<YearMonth> of(LocalDateTime txdtm, LocalDateTime now) {
        List<YearMonth> months = new ArrayList<>();
        if (txdtm == null) {
            months.add(YearMonth.from(now));
            months.add(YearMonth.from(now).minusMonths(1));
            return months;
        }
        YearMonth month = YearMonth.from(txdtm);
        months.add(month);
        boolean nextHasBegun = !month.plusMonths(1).atDay(1).atStartOfDay().isAfter(now.plusDays(1));
        if (!YearMonth.from(txdtm.plusDays(1)).equals(month) && nextHasBegun) {
            months.add(month.plusMonths(1));
        }
        if (!YearMonth.from(txdtm.minusDays(1)).equals(month)) {
            months.add(month.minusMonths(1));
        }
        return months;
    }
}
