package io.qfpayreversal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the sweep function, overrides may only make a run more cautious than configured (threshold
 * 10 minutes, look-back 24 hours, cap 3 here), and values read from QFPay's rows are checked like
 * caller input before they are signed and sent back.
 */
@QuarkusTest
@TestProfile(SweepBoundsTest.CapOfThree.class)
class SweepBoundsTest extends FunctionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 12, 0, 0);
    private long serial = 20261120000000000L;

    public static class CapOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qfpay.sweep.max-cancellations", "3");
        }
    }

    @BeforeEach
    void itIsNoonOnTheTwentieth() {
        VirtualTime.get().setNow(NOW.atZone(HK).toInstant());
    }

    private SimPayment add(String syssn, String outTradeNo, LocalDateTime at) {
        return simulator.add(new SimPayment(syssn, outTradeNo, "800101", 1000, at, Script.PENDING));
    }

    private SimPayment add(LocalDateTime at) {
        serial++;
        return add(String.valueOf(serial), "SWEEP-" + serial, at);
    }

    private long cancelsSent() {
        return simulator.calls().stream().filter(c -> !c.operation().equals("query")).count();
    }

    @Test
    void overrides_cannotLowerTheThresholdNorWidenTheLookBack() {
        SimPayment tooRecent = add(NOW.minusMinutes(5)); // the customer may still be confirming it
        SimPayment tooOld = add(NOW.minusHours(25));
        SimPayment stale = add(NOW.minusHours(1));

        JsonPath summary = answer("{\"action\":\"sweep\",\"older_than_minutes\":1,\"lookback_minutes\":44640}");

        assertThat(summary.getInt("candidates")).isEqualTo(1);
        assertThat(stale.cancel()).isEqualTo(1);
        assertThat(tooRecent.cancel()).isZero();
        assertThat(tooOld.cancel()).isZero();
    }

    @Test
    void overrides_cannotRaiseTheCap() {
        for (int i = 0; i < 5; i++) {
            add(NOW.minusHours(2).plusMinutes(i));
        }

        JsonPath summary = answer("{\"action\":\"sweep\",\"max_cancellations\":44640}");

        assertThat(cancelsSent()).isEqualTo(3);
        assertThat(summary.getInt("reversed")).isEqualTo(3);
        assertThat(summary.getBoolean("truncated")).isTrue();
    }

    @Test
    void overrides_mayStillNarrowTheRun() {
        for (int i = 0; i < 3; i++) {
            add(NOW.minusHours(2).plusMinutes(i));
        }
        SimPayment older = add(NOW.minusHours(5));

        JsonPath summary = answer("{\"action\":\"sweep\",\"lookback_minutes\":180,\"max_cancellations\":1}");

        assertThat(summary.getInt("candidates")).isEqualTo(3);
        assertThat(cancelsSent()).isEqualTo(1);
        assertThat(older.cancel()).isZero();
    }

    @Test
    void rowsWithValuesCallerInputCouldNotHave_areNotSignedOrSent() {
        SimPayment fine = add(NOW.minusHours(3));
        SimPayment injected = add("20261120000000777&mchid=OTHER", "SWEEP-777", NOW.minusHours(2));
        SimPayment spaced = add("20261120000000778", "SWEEP 778", NOW.minusHours(1));

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(fine.cancel()).isEqualTo(1);
        assertThat(injected.cancel()).isZero();
        assertThat(spaced.cancel()).isZero();
        assertThat(summary.getInt("failed")).isEqualTo(2);
        assertThat(summary.getString("items.find { it.out_trade_no == 'SWEEP-777' }.message")).contains("syssn:");
        assertThat(summary.getString("items.find { it.out_trade_no == 'SWEEP 778' }.message")).contains("out_trade_no:");
        assertThat(simulator.calls()).extracting(RecordedCall::params).noneMatch(params ->
                params.containsValue(injected.syssn()) || params.containsValue(spaced.outTradeNo())
                        || params.containsValue(spaced.syssn()));
    }
}
