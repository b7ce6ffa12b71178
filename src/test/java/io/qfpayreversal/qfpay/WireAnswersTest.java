package io.qfpayreversal.qfpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.reversal.PaymentState;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** QFPay's loose JSON types are read where the meaning is clear. */
class WireAnswersTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void cancelAnswer_readsTheGuidesSampleResponse() throws Exception {
        String sample = """
                {"surcharge_fee": "0", "resperr": "success", "txdtm": "2020-03-05 16:50:30",
                 "syssn": "20200305066100020000977814", "sysdtm": "2020-03-05 16:54:38", "txcurrcd": "EUR",
                 "respmsg": "", "chnlsn2": "", "cardcd": "", "udid": "qiantai2", "txamt": "2500",
                 "orig_syssn": "20200305066100020000977813", "surcharge_rate": "0", "respcd": "0000", "chnlsn": ""}
                """;
        CancelAnswer answer = CancelAnswer.from(CancelOperation.REVERSAL, json.readTree(sample));
        assertThat(answer.meaning()).isEqualTo(RespcdMeaning.SUCCESS);
        assertThat(answer.syssn()).isEqualTo("20200305066100020000977814");
        assertThat(answer.origSyssn()).isEqualTo("20200305066100020000977813");
        assertThat(answer.txamt()).isEqualTo(2500L);
        assertThat(answer.respmsg()).isNull();
        assertThat(answer.chnlsn()).isNull();
    }

    @Test
    void queryAnswer_acceptsNumbersAsStringsAndStringsAsNumbers() throws Exception {
        String body = """
                {"respcd": "0000", "page": "1", "page_size": 10, "data": [
                  {"syssn": "1", "order_type": "payment", "txamt": 2500, "cancel": "1", "respcd": "0000"},
                  {"syssn": "2", "order_type": "refund", "txamt": "2500.00", "cancel": 0, "respcd": "0000"},
                  "not a row"
                ]}
                """;
        QueryAnswer answer = QueryAnswer.from(json.readTree(body));
        assertThat(answer.rows()).hasSize(2);
        assertThat(answer.rows().get(0).cancel()).isEqualTo(PaymentRow.REVERSED);
        assertThat(PaymentState.of(answer.rows().get(0))).isEqualTo(PaymentState.REVERSED);
        assertThat(answer.rows().get(1).isPayment()).isFalse();
        assertThat(answer.rows().get(1).txamt()).isEqualTo(2500L);
    }
}
