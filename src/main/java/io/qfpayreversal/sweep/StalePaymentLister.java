package io.qfpayreversal.sweep;

import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpayGateway;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.qfpay.QueryAnswer;
import io.qfpayreversal.qfpay.RespcdMeaning;
import io.qfpayreversal.qfpay.WireParams;
import io.qfpayreversal.reversal.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists undetermined payments (1143/1145, not cancelled) in each window, page by page, of the
 * merchant {@code mchid} names ({@code null}: the configured one). Any listing failure, QFPay
 * refusing the merchant included, fails the sweep with {@link QfpayUnavailableException}.
 */
@ApplicationScoped
class StalePaymentLister {

    static final int PAGE_SIZE = 100;
    /** A guard against a server that ignores paging: 100,000 rows a window. */
    private static final int MAX_PAGES = 1_000;

    private final QfpayGateway gateway;

    StalePaymentLister(QfpayGateway gateway) {
        this.gateway = gateway;
    }

    record Listing(int scanned, List<PaymentRow> candidates) {
    }

    Listing list(List<SweepWindows.Window> windows, String mchid, QfpaySession session) {
        int scanned = 0;
        Map<String, PaymentRow> candidates = new LinkedHashMap<>();
        for (SweepWindows.Window window : windows) {
            for (int page = 1; page <= MAX_PAGES; page++) {
                QueryAnswer answer = page(window, page, mchid, session);
                List<PaymentRow> rows = answer.rows();
                scanned += rows.size();
                for (PaymentRow row : rows) {
                    if (row.isPayment() && row.isUndetermined() && row.syssn() != null) {
                        candidates.putIfAbsent(row.syssn(), row);
                    }
                }
                if (!answer.full(PAGE_SIZE)) {
                    break;
                }
            }
        }
        return new Listing(scanned, new ArrayList<>(candidates.values()));
    }

    private QueryAnswer page(SweepWindows.Window window, int page, String mchid, QfpaySession session) {
        WireParams params = new WireParams()
                .put("mchid", mchid)
                .put("start_time", window.start().format(RequestValidator.TXDTM))
                .put("end_time", window.end().format(RequestValidator.TXDTM))
                .put("respcd", "1143,1145")
                .put("page", String.valueOf(page))
                .put("page_size", String.valueOf(PAGE_SIZE));
        QueryAnswer answer = gateway.query(params, session);
        if (answer.meaning() == RespcdMeaning.NOT_FOUND) {
            return new QueryAnswer(answer.respcd(), answer.resperr(), answer.respmsg(), null, List.of());
        }
        if (answer.meaning() != RespcdMeaning.SUCCESS) {
            throw new QfpayUnavailableException("QFPay refused to list payments (respcd " + answer.respcd()
                    + ", page " + page + " of " + window.start() + " to " + window.end() + ")");
        }
        return answer;
    }
}
