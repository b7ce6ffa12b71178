package io.qfpayreversal.reversal;

import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpayGateway;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.qfpay.QueryAnswer;
import io.qfpayreversal.qfpay.RespcdMeaning;
import io.qfpayreversal.qfpay.WireParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/** Finds the payment a request names with QFPay's query API. */
@ApplicationScoped
public class PaymentLookup {

    private static final Comparator<PaymentRow> MOST_URGENT_FIRST = Comparator.comparingInt(PaymentLookup::urgency);

    private final QfpayGateway gateway;

    PaymentLookup(QfpayGateway gateway) {
        this.gateway = gateway;
    }

    /** What QFPay shows; {@link QfpayUnavailableException} when it could not be asked. */
    public Found find(ReversalRequest request, QfpaySession session) {
        QueryAnswer answer = gateway.query(queryParams(request), session);
        RespcdMeaning meaning = answer.meaning();
        PaymentRow row = meaning == RespcdMeaning.SUCCESS ? pick(answer, request) : null;
        return new Found(answer, row, meaning != RespcdMeaning.SUCCESS && meaning != RespcdMeaning.NOT_FOUND);
    }

    /**
     * The query's outcome: {@code row} is the payment, or {@code null} when QFPay has none;
     * {@code refused} when QFPay rejected the query itself.
     */
    public record Found(QueryAnswer answer, PaymentRow row, boolean refused) {
    }

    private static WireParams queryParams(ReversalRequest request) {
        WireParams params = new WireParams().put("mchid", request.mchid());
        if (request.syssn() != null) {
            return params.put("syssn", request.syssn());
        }
        params.put("out_trade_no", request.outTradeNo());
        if (request.txdtm() != null) {
            // QFPay searches one calendar month, the current one by default: search the payment's.
            YearMonth month = YearMonth.from(LocalDateTime.parse(request.txdtm(), RequestValidator.TXDTM));
            params.put("start_time", month.atDay(1).atStartOfDay().format(RequestValidator.TXDTM));
            params.put("end_time", month.atEndOfMonth().atTime(23, 59, 59).format(RequestValidator.TXDTM));
        }
        return params;
    }

    /** Of several rows (retries, refunds), the payment that matters most for a cancel. */
    private static PaymentRow pick(QueryAnswer answer, ReversalRequest request) {
        return answer.rows().stream()
                .filter(PaymentRow::isPayment)
                .filter(row -> request.syssn() != null
                        ? request.syssn().equals(row.syssn())
                        : Objects.equals(request.outTradeNo(), row.outTradeNo()))
                .min(MOST_URGENT_FIRST)
                .orElse(null);
    }

    /** Paid first (money was taken), then undetermined, then cancelled, then failed attempts. */
    private static int urgency(PaymentRow row) {
        if (row.isPaid()) {
            return 0;
        }
        if (row.isUndetermined()) {
            return 1;
        }
        return row.isCancelled() ? 2 : 3;
    }
}
