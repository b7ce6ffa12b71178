package io.qfpayreversal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LogCapture;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agent's app code sweeps one sub-merchant a run, named by {@code mchid}. QFPay (the simulator as
 * an agent serving SUB1 and SUB2) shows a call only the payments of the merchant it names; SUB3 is
 * allowed by the configuration but not served by the app code. No merchant is configured.
 */
@QuarkusTest
@TestProfile(SweepAgentTest.SubMerchants.class)
class SweepAgentTest extends FunctionTest {

    private static final String SUB1 = "SUB0000000001";
    private static final String SUB2 = "SUB0000000002";
    private static final String SUB3 = "SUB0000000003";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 12, 0, 0);

    public static class SubMerchants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.allowed-mchids", SUB1 + "," + SUB2 + "," + SUB3);
        }
    }

    private final Map<String, Set<String>> stale = Map.of(SUB1, new HashSet<>(), SUB2, new HashSet<>(),
            SUB3, new HashSet<>());
    private long serial = 20261120000000000L;

    @BeforeEach
    void anAgentWithPaymentsOfThreeSubMerchants() {
        VirtualTime.get().setNow(NOW.atZone(HK).toInstant());
        simulator.actAsAgentFor(SUB1, SUB2);
        for (String mchid : List.of(SUB1, SUB2, SUB3)) {
            for (int i = 0; i < 3; i++) {
                String payType = i == 0 ? "800008" : "800101";
                stale.get(mchid).add(add(mchid, payType, Script.PENDING, NOW.minusHours(1).plusMinutes(i)).syssn());
            }
            add(mchid, "800101", Script.PAID, NOW.minusHours(2));
            add(mchid, "800101", Script.PENDING, NOW.minusMinutes(5)); // too recent
        }
    }

    private SimPayment add(String mchid, String payType, Script script, LocalDateTime at) {
        serial++;
        return simulator.add(new SimPayment(String.valueOf(serial), "AGENT-" + serial, payType, 1000 + serial % 1000,
                at, script).ofMerchant(mchid));
    }

    @Test
    void sweep_aNamedSubMerchant_cancelsOnlyItsStalePaymentsEachOnce_andEveryCallNamesIt() throws Exception {
        JsonPath summary;
        List<Map<String, String>> lines;
        try (LogCapture logs = LogCapture.open()) {
            summary = answer("{\"action\":\"sweep\",\"mchid\":\"" + SUB1 + "\"}");
            lines = logs.fields().stream().filter(line -> line.get("message").startsWith("sweep done")).toList();
        }

        assertThat(cancelsBySyssn()).isEqualTo(stale.get(SUB1).stream()
                .collect(Collectors.toMap(Function.identity(), syssn -> 1L)));
        assertThat(simulator.calls()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.params()).containsEntry("mchid", SUB1));
        assertThat(simulator.calls("query")).anyMatch(call -> call.params().containsKey("start_time"));
        stale.get(SUB1).forEach(syssn -> assertThat(simulator.payment(syssn).cancel()).as(syssn).isIn(1, 2));
        stale.get(SUB2).forEach(syssn -> assertThat(simulator.payment(syssn).cancel()).as(syssn).isZero());
        stale.get(SUB3).forEach(syssn -> assertThat(simulator.payment(syssn).cancel()).as(syssn).isZero());

        assertThat(summary.getString("mchid")).isEqualTo(SUB1);
        assertThat(summary.getInt("candidates")).isEqualTo(3);
        assertThat(summary.getInt("reversed")).isEqualTo(2);
        assertThat(summary.getInt("closed")).isEqualTo(1);
        assertThat(summary.getList("items.mchid")).hasSize(3).containsOnly(SUB1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("mchid")).isEqualTo(SUB1);
        assertThat(lines.get(0).get("message")).startsWith("sweep done mchid=" + SUB1 + " ");
        assertNoRefundWasSent();
    }

    @Test
    void sweep_fromASchedule_readsTheMchidFromTheDetail() {
        ObjectNode event = Fixtures.event("eventbridge-scheduled-event.json");
        event.putObject("detail").put("mchid", SUB2).put("dry_run", true);

        JsonPath summary = answer(event.toString());

        assertThat(summary.getString("mchid")).isEqualTo(SUB2);
        assertThat(summary.getList("items.syssn")).containsExactlyInAnyOrderElementsOf(stale.get(SUB2));
        assertThat(summary.getList("items.mchid")).containsOnly(SUB2);
        assertThat(operations()).containsOnly("query");
        assertThat(simulator.calls()).allSatisfy(call -> assertThat(call.params()).containsEntry("mchid", SUB2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"SUB0000000009\"", "\"SUB-1\"", "\"SUB00000000000001\"", "\"\"", "12", "true"})
    void sweep_aMchidNotAllowedOrMalformed_isInvalidNamingMchid_andSendsNothing(String mchid) {
        JsonPath error = error("{\"action\":\"sweep\",\"mchid\":" + mchid + "}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("mchid:");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void sweep_aMchidNotAllowed_fromASchedule_isInvalidToo() {
        ObjectNode event = Fixtures.event("eventbridge-scheduled-event.json");
        event.putObject("detail").put("mchid", "SUB0000000009");

        JsonPath error = error(event.toString());

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("mchid:");
        assertThat(simulator.calls()).isEmpty();
    }

    /** Why an agent must name the sub-merchant: without {@code mchid}, QFPay shows none of their payments. */
    @Test
    void sweep_withoutMchid_findsNoSubMerchantsPayment() {
        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getInt("scanned")).isZero();
        assertThat(summary.getInt("candidates")).isZero();
        assertThat(summary.getString("mchid")).isNull();
        assertThat(operations()).isNotEmpty().containsOnly("query");
        assertThat(simulator.calls()).allSatisfy(call -> assertThat(call.params()).doesNotContainKey("mchid"));
    }

    @Test
    void sweep_aMerchantQfpayRefuses_failsAsUnavailable_andCancelsNothing() {
        JsonPath error = error("{\"action\":\"sweep\",\"mchid\":\"" + SUB3 + "\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(error.getString("errorMessage")).contains("1155");
        assertThat(simulator.calls()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.operation()).isEqualTo("query");
            assertThat(call.respcd()).isEqualTo("1155");
        });
        stale.get(SUB3).forEach(syssn -> assertThat(simulator.payment(syssn).cancel()).as(syssn).isZero());
    }

    private Map<String, Long> cancelsBySyssn() {
        return simulator.calls().stream().filter(call -> !call.operation().equals("query"))
                .map(RecordedCall::params).collect(Collectors.groupingBy(params -> params.get("syssn"),
                        Collectors.counting()));
    }
}
