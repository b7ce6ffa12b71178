package io.qfpayreversal.reversal;

import io.qfpayreversal.qfpay.PaymentRow;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every payment row QFPay lists for a request: one for a {@code syssn}, all attempts for an
 * {@code out_trade_no}. The row that decides is the most urgent: any paid attempt means the order
 * completed, an attempt still open is cancelled before the order can count as cancelled.
 */
public record Payments(List<PaymentRow> rows) {

    private static final Comparator<PaymentRow> DECIDING_FIRST = Comparator
            .comparingInt((PaymentRow row) -> PaymentState.of(row).urgency())
            .thenComparing(PaymentRow::sysdtm, Comparator.nullsLast(Comparator.reverseOrder()));

    public Payments {
        rows = List.copyOf(rows);
    }

    /** The row the answer comes from, or {@code null} when QFPay lists none. */
    public PaymentRow deciding() {
        return rows.stream().min(DECIDING_FIRST).orElse(null);
    }

    /** Whether {@code row} belongs to what {@code request} names. */
    static boolean named(PaymentRow row, ReversalRequest request) {
        return row.isPayment() && (request.syssn() != null
                ? request.syssn().equals(row.syssn())
                : Objects.equals(request.outTradeNo(), row.outTradeNo()));
    }
}
