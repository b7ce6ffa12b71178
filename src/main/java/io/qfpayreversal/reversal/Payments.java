package io.qfpayreversal.reversal;

import io.qfpayreversal.qfpay.PaymentRow;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every payment row QFPay lists for a request: one for a {@code syssn}, all attempts for an
 * {@code out_trade_no}. The row that decides is the most urgent: any paid attempt means the order
 * completed, an attempt still open is cancelled before the order can count as cancelled.
 */
public record Payments(List<PaymentRow> rows) {

    private static final Comparator<PaymentRow> LATEST_FIRST =
            Comparator.comparing(PaymentRow::sysdtm, Comparator.nullsLast(Comparator.reverseOrder()));

    public Payments {
        rows = List.copyOf(rows);
    }

    /**
     * The row to act on or answer from, or {@code null} when QFPay lists none. Of equally urgent
     * rows, one not {@code awaiting} a cancel's outcome comes first (so every open attempt gets its
     * cancel while others settle), then the latest.
     */
    public PaymentRow deciding(Predicate<PaymentRow> awaiting) {
        Comparator<PaymentRow> order = Comparator.comparingInt((PaymentRow row) -> PaymentState.of(row).urgency())
                .thenComparing(awaiting::test)
                .thenComparing(LATEST_FIRST);
        return rows.stream().min(order).orElse(null);
    }

    /** Whether {@code row} belongs to what {@code request} names. */
    static boolean named(PaymentRow row, ReversalRequest request) {
        return row.isPayment() && (request.syssn() != null
                ? request.syssn().equals(row.syssn())
                : Objects.equals(request.outTradeNo(), row.outTradeNo()));
    }
}
