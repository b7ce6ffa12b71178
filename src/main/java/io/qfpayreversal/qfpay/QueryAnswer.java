package io.qfpayreversal.qfpay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** QFPay's answer to {@code /trade/v1/query}: an outer result code and a page of rows. */
public record QueryAnswer(String respcd, String resperr, String respmsg, Long pageSize, List<PaymentRow> rows) {

    static QueryAnswer from(JsonNode body) {
        List<PaymentRow> rows = new ArrayList<>();
        JsonNode data = body.get("data");
        if (data != null && data.isArray()) {
            data.forEach(row -> {
                if (row.isObject()) {
                    rows.add(PaymentRow.from(row));
                }
            });
        }
        return new QueryAnswer(LenientJson.respcd(body), LenientJson.text(body, "resperr"),
                LenientJson.text(body, "respmsg"), LenientJson.whole(body, "page_size"), List.copyOf(rows));
    }

    /** Whether this page held as many rows as a page can: there may be more on the next one. */
    public boolean full(int requestedPageSize) {
        long served = pageSize != null && pageSize > 0 ? Math.min(pageSize, requestedPageSize) : requestedPageSize;
        return rows.size() >= served;
    }

    public RespcdMeaning meaning() {
        return RespcdMeaning.of(respcd, null);
    }
}
