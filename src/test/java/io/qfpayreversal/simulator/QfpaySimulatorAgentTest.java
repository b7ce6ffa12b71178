package io.qfpayreversal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.qfpay.QfpaySigner;
import io.qfpayreversal.qfpay.SignType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator playing an agent's app code: which payments each call sees, by the {@code mchid} it
 * carries, over real signed HTTP.
 */
class QfpaySimulatorAgentTest {

    private static final String APP_CODE = "AGENTAPPCODE";
    private static final String KEY = "AGENT-KEY";
    private static final LocalDateTime AT = LocalDateTime.now().withNano(0).minusHours(1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static QfpaySimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = QfpaySimulator.start(0, APP_CODE, KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void paymentsOfTwoSubMerchantsAndTheAgentsOwn() {
        simulator.reset();
        simulator.add(new SimPayment("1001", "A-1", "800101", 1000, AT, Script.PENDING).ofMerchant("SUBA"));
        simulator.add(new SimPayment("1002", "B-1", "800101", 1000, AT, Script.PENDING).ofMerchant("SUBB"));
        simulator.add(new SimPayment("1003", "OWN-1", "800101", 1000, AT, Script.PENDING));
    }

    @Test
    void notAnAgent_everyCallSeesEveryPayment_asBefore() throws Exception {
        assertThat(listed(null)).containsExactlyInAnyOrder("1001", "1002", "1003");
        assertThat(listed("SUBA")).containsExactlyInAnyOrder("1001", "1002", "1003");
        assertThat(call("reversal", "1002", "SUBA").path("respcd").asText()).isEqualTo("0000");
    }

    @Test
    void agent_aServedMerchant_seesAndCancelsOnlyItsOwnPayments() throws Exception {
        simulator.actAsAgentFor("SUBA", "SUBB");

        assertThat(listed("SUBA")).containsExactly("1001");
        assertThat(call("query", "1002", "SUBA").path("data")).isEmpty();
        assertThat(call("reversal", "1002", "SUBA").path("respcd").asText()).isEqualTo("1136");
        assertThat(call("reversal", "1001", "SUBA").path("respcd").asText()).isEqualTo("0000");
        assertThat(simulator.payment("1001").cancel()).isEqualTo(1);
        assertThat(simulator.payment("1002").cancel()).isZero();
    }

    @Test
    void agent_aCallWithoutMchid_seesNoSubMerchantsPayment() throws Exception {
        simulator.actAsAgentFor("SUBA", "SUBB");

        JsonNode listing = call("query", null, null);
        assertThat(listing.path("respcd").asText()).isEqualTo("0000");
        assertThat(ids(listing)).containsExactly("1003");
        assertThat(call("query", "1001", null).path("data")).isEmpty();
        assertThat(call("reversal", "1001", null).path("respcd").asText()).isEqualTo("1136");
        assertThat(simulator.payment("1001").cancel()).isZero();
    }

    @Test
    void agent_aMerchantItDoesNotServe_isRefused() throws Exception {
        simulator.actAsAgentFor("SUBA");

        JsonNode query = call("query", "1002", "SUBB");
        assertThat(query.path("respcd").asText()).isEqualTo("1155");
        assertThat(query.path("resperr").asText()).isEqualTo("merchant not served by this app code");
        assertThat(call("reversal", "1002", "SUBB").path("respcd").asText()).isEqualTo("1155");
        assertThat(simulator.payment("1002").cancel()).isZero();
    }

    @Test
    void reset_endsAgentMode() throws Exception {
        simulator.actAsAgentFor("SUBA");
        simulator.reset();
        paymentsOfTwoSubMerchantsAndTheAgentsOwn();

        assertThat(listed(null)).containsExactlyInAnyOrder("1001", "1002", "1003");
    }

    private List<String> listed(String mchid) throws Exception {
        return ids(call("query", null, mchid));
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("data").forEach(row -> ids.add(row.path("syssn").asText()));
        return ids;
    }

    /** A signed POST: a query (by {@code syssn}, or of the payments' month) or a reversal of {@code syssn}. */
    private static JsonNode call(String operation, String syssn, String mchid) throws Exception {
        SortedMap<String, String> params = new TreeMap<>();
        if (syssn != null) {
            params.put("syssn", syssn);
        }
        if (mchid != null) {
            params.put("mchid", mchid);
        }
        if (operation.equals("query") && syssn == null) {
            YearMonth month = YearMonth.from(AT);
            params.put("start_time", month.atDay(1).atStartOfDay().format(QfpaySimulator.TIME));
            params.put("end_time", month.atEndOfMonth().atTime(23, 59, 59).format(QfpaySimulator.TIME));
        }
        if (operation.equals("reversal")) {
            params.put("txamt", "1000");
            params.put("txdtm", AT.format(QfpaySimulator.TIME));
        }
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/trade/v1/" + operation))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-QF-APPCODE", APP_CODE)
                .header("X-QF-SIGN", QfpaySigner.sign(params, KEY, SignType.MD5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new ObjectMapper().readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
