package io.qfpayreversal.reversal;

import io.qfpayreversal.qfpay.PaymentRow;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every payment row QFPay lists for a request: one for a {@code syssn}, all attempts for an
 * {@code out_trade_no}. Every attempt still open is cancelled first; then the most urgent row
 * answers: any paid attempt means the order completed.
 */
public record Payments(List<PaymentRow> rows) {

    private static final Comparator<PaymentRow> LATEST_FIRST =
            Comparator.comparing(PaymentRow::sysdtm, Comparator.nullsLast(Comparator.reverseOrder()));

    public Payments {
        rows = List.copyOf(rows);
    }

    /**
     * The row to act on or answer from, or {@code null} when QFPay lists none: an open attempt with
     * no cancel {@code awaiting} its outcome, else the most urgent row (paid, partly refunded, open,
     * cancelled, refunded, failed), the latest of equals.
     */
    public PaymentRow deciding(Predicate<PaymentRow> awaiting) {
        Comparator<PaymentRow> order = Comparator.comparingInt((PaymentRow row) -> urgency(row, awaiting))
                .thenComparing(LATEST_FIRST);
        return rows.stream().min(order).orElse(null);
    }

    /**
     * An open attempt without a cancel in flight comes first of all: it is cancelled before the
     * order's answer is given (a paid sibling does not stop it from charging the customer again).
     */
    private static int urgency(PaymentRow row, Predicate<PaymentRow> awaiting) {
        PaymentState state = PaymentState.of(row);
        return state == PaymentState.PENDING && !awaiting.test(row) ? -1 : state.urgency();
    }

    /** Whether {@code row} belongs to what {@code request} names. */
    static boolean named(PaymentRow row, ReversalRequest request) {
        return row.isPayment() && (request.syssn() != null
                ? request.syssn().equals(row.syssn())
                : Objects.equals(request.outTradeNo(), row.outTradeNo()));
    }
}
