package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpayGateway;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.qfpay.QueryAnswer;
import io.qfpayreversal.qfpay.RespcdMeaning;
import io.qfpayreversal.qfpay.WireParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every row QFPay holds for what a request names: by {@code syssn} one query (QFPay ignores
 * the time range then); by {@code out_trade_no} every month the payment may be filed under, every
 * page of 100 rows, up to a cap.
 */
@ApplicationScoped
public class PaymentLookup {

    static final int PAGE_SIZE = 100;

    private final QfpayGateway gateway;
    private final QfpayConfig config;
    private final Clock clock;

    PaymentLookup(QfpayGateway gateway, QfpayConfig config, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What QFPay shows; {@code refused} holds QFPay's answer when it rejected a query. Throws
     * {@link io.qfpayreversal.error.QfpayUnavailableException} when QFPay could not be asked, and
     * {@link InvalidRequestException} when an order has more rows than the cap.
     */
    public Found find(ReversalRequest request, QfpaySession session) {
        List<PaymentRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        QueryAnswer last = null;
        for (WireParams range : ranges(request)) {
            for (int page = 1; ; page++) {
                QueryAnswer answer = gateway.query(range.copy().put("page", String.valueOf(page))
                        .put("page_size", String.valueOf(PAGE_SIZE)), session);
                last = answer;
                if (answer.meaning() == RespcdMeaning.NOT_FOUND) {
                    break;
                }
                if (answer.meaning() != RespcdMeaning.SUCCESS) {
                    return new Found(answer, new Payments(List.of()), true);
                }
                answer.rows().stream().filter(row -> Payments.named(row, request))
                        .filter(row -> row.syssn() == null || seen.add(row.syssn())).forEach(rows::add);
                if (!answer.full(PAGE_SIZE) || request.syssn() != null) {
                    break;
                }
                if (page == config.lookupMaxPages()) {
                    throw tooManyRows();
                }
            }
        }
        return new Found(last, new Payments(rows), false);
    }

    /** The query's outcome: the rows found, and QFPay's last answer (its code when nothing was found). */
    public record Found(QueryAnswer answer, Payments payments, boolean refused) {
    }

    private List<WireParams> ranges(ReversalRequest request) {
        WireParams named = new WireParams().put("mchid", request.mchid());
        if (request.syssn() != null) {
            return List.of(named.put("syssn", request.syssn()));
        }
        named.put("out_trade_no", request.outTradeNo());
        LocalDateTime txdtm = request.txdtm() == null ? null : LocalDateTime.parse(request.txdtm(), RequestValidator.TXDTM);
        LocalDateTime now = LocalDateTime.now(clock.withZone(config.timeZone()));
        return LookupMonths.of(txdtm, now).stream().map(month -> monthOf(named, month)).toList();
    }

    private static WireParams monthOf(WireParams named, YearMonth month) {
        return named.copy()
                .put("start_time", month.atDay(1).atStartOfDay().format(RequestValidator.TXDTM))
                .put("end_time", month.atEndOfMonth().atTime(23, 59, 59).format(RequestValidator.TXDTM));
    }

    private InvalidRequestException tooManyRows() {
        return new InvalidRequestException(List.of(new Violation("out_trade_no", "QFPay lists more than "
                + config.lookupMaxPages() * PAGE_SIZE + " payment rows under it: name the payment by syssn")));
    }
}
