package io.qfpayreversal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.LogCapture;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep against a simulator holding a mix of payments across a month boundary and more than
 * one page. "Now" is 2026-12-01 00:30 in Hong Kong; the default window is the 24 hours up to ten
 * minutes ago, so it spans November and December.
 */
@QuarkusTest
class SweepTest extends FunctionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 0, 30, 0);

    private final Set<String> shouldBeCancelled = new HashSet<>();
    private final Set<String> mustNotBeTouched = new HashSet<>();
    private long serial = 20261130000000000L;

    @BeforeEach
    void itIsJustAfterMidnightOnTheFirstOfDecember() {
        VirtualTime.get().setNow(NOW.atZone(HK).toInstant());
    }

    private SimPayment add(String payType, Script script, LocalDateTime at) {
        serial++;
        return simulator.add(new SimPayment(String.valueOf(serial), "SWEEP-" + serial, payType, 1000 + serial % 1000,
                at, script));
    }

    /** 130 stale pending payments in November (two pages) and a mix of others on both sides of midnight. */
    private void fillTheSimulator() {
        for (int i = 0; i < 130; i++) {
            shouldBeCancelled.add(add(i % 10 == 0 ? "800008" : "800101", Script.PENDING,
                    NOW.minusHours(23).plusMinutes(i)).syssn());
        }
        shouldBeCancelled.add(add("800201", Script.PENDING, NOW.minusMinutes(25)).syssn()); // 00:05 in December
        shouldBeCancelled.add(add("800208", Script.PENDING, NOW.minusMinutes(11)).syssn()); // close type
        for (int i = 0; i < 5; i++) {
            mustNotBeTouched.add(add("800101", Script.PAID, NOW.minusHours(2).plusMinutes(i)).syssn());
            mustNotBeTouched.add(add("800101", Script.PENDING, NOW.minusHours(3).plusMinutes(i)).cancelled(1).syssn());
        }
        mustNotBeTouched.add(add("800101", Script.PENDING, NOW.minusMinutes(5)).syssn()); // too recent
        mustNotBeTouched.add(add("800101", Script.PENDING, NOW.minusHours(25)).syssn()); // before the look-back
    }

    @Test
    void sweep_cancelsExactlyTheStalePendingPaymentsAcrossTheMonthBoundary() {
        fillTheSimulator();
        SimPayment unsupported = add("802001", Script.PENDING, NOW.minusHours(1));

        JsonPath summary = answer(Fixtures.event("eventbridge-scheduled-event.json").toString());

        Set<String> cancelled = simulator.calls().stream()
                .filter(c -> c.operation().equals("reversal") || c.operation().equals("close"))
                .map(c -> c.params().get("syssn")).collect(Collectors.toSet());
        assertThat(cancelled).isEqualTo(shouldBeCancelled);
        for (String syssn : mustNotBeTouched) {
            SimPayment payment = simulator.payment(syssn);
            assertThat(payment.cancel()).as(syssn).isIn(0, 1);
        }
        assertThat(simulator.payment(unsupported.syssn()).cancel()).isZero();
        assertThat(summary.getInt("candidates")).isEqualTo(shouldBeCancelled.size() + 1);
        assertThat(summary.getInt("reversed")).isEqualTo(118);
        assertThat(summary.getInt("closed")).isEqualTo(14);
        assertThat(summary.getInt("skipped")).isEqualTo(1);
        assertThat(summary.getInt("failed")).isZero();
        assertThat(summary.getBoolean("truncated")).isFalse();
        assertThat(summary.getBoolean("dry_run")).isFalse();
        assertThat(summary.getList("items")).hasSize(shouldBeCancelled.size() + 1);
        assertThat(summary.getString("items.find { it.syssn == '" + unsupported.syssn() + "' }.status"))
                .isEqualTo("SKIPPED");

        List<RecordedCall> listing = simulator.calls("query").stream()
                .filter(c -> c.params().containsKey("start_time")).toList();
        assertThat(listing).extracting(c -> c.params().get("start_time") + " " + c.params().get("page"))
                .containsExactly("2026-11-30 00:30:00 1", "2026-11-30 00:30:00 2", "2026-12-01 00:00:00 1");
        assertThat(listing).extracting(c -> c.params().get("end_time"))
                .containsExactly("2026-11-30 23:59:59", "2026-11-30 23:59:59", "2026-12-01 00:20:00");
        assertNoRefundWasSent();
    }

    @Test
    void sweep_dryRun_listsCandidatesAndSendsNoCancel() {
        fillTheSimulator();

        JsonPath summary = answer("{\"action\":\"sweep\",\"dry_run\":true}");

        assertThat(summary.getBoolean("dry_run")).isTrue();
        assertThat(summary.getInt("candidates")).isEqualTo(shouldBeCancelled.size());
        assertThat(summary.getList("items.status")).containsOnly("CANDIDATE");
        assertThat(operations()).containsOnly("query");
    }

    @Test
    void sweep_summary_isLoggedWholeAsOneStructuredLine() throws Exception {
        fillTheSimulator();
        List<Map<String, String>> lines;
        JsonPath summary;
        try (LogCapture logs = LogCapture.open()) {
            summary = answer("{\"action\":\"sweep\",\"max_cancellations\":5}");
            lines = logs.fields().stream().filter(line -> line.get("message").startsWith("sweep done")).toList();
        }

        assertThat(lines).hasSize(1);
        Map<String, String> line = lines.get(0);
        for (String count : List.of("scanned", "candidates", "reversed", "closed", "processing", "refund_required",
                "failed", "skipped")) {
            assertThat(line.get(count)).as(count).isEqualTo(String.valueOf(summary.getInt(count)));
        }
        assertThat(line.get("truncated")).isEqualTo("true");
        assertThat(line.get("dry_run")).isEqualTo("false");
        assertThat(new ObjectMapper().readTree(line.get("items")))
                .isEqualTo(new ObjectMapper().valueToTree(summary.getList("items")));
    }

    @Test
    void sweep_fromEventBridgeScheduler_readsOverridesFromTheDetailString() {
        fillTheSimulator();
        var event = Fixtures.event("scheduler-scheduled-event.json");
        event.put("detail", "{\"max_cancellations\":3,\"lookback_minutes\":120}");

        JsonPath summary = answer(event.toString());

        assertThat(summary.getInt("candidates")).isEqualTo(2); // only the two December ones are within 2 h
        assertThat(summary.getInt("reversed") + summary.getInt("closed")).isEqualTo(2);
    }

    @Test
    void sweep_capPerRun_stopsAndSaysTruncated() {
        fillTheSimulator();

        JsonPath summary = answer("{\"action\":\"sweep\",\"max_cancellations\":5}");

        assertThat(summary.getInt("reversed") + summary.getInt("closed")).isEqualTo(5);
        assertThat(summary.getBoolean("truncated")).isTrue();
        assertThat(summary.getInt("skipped")).isEqualTo(shouldBeCancelled.size() - 5);
        assertThat(simulator.calls().stream().filter(c -> !c.operation().equals("query")).count()).isEqualTo(5);
    }

    @Test
    void sweep_rateLimit_neverSendsMoreThanTheConfiguredCallsPerMinute() {
        fillTheSimulator();
        List<Instant> callTimes = Collections.synchronizedList(new ArrayList<>());
        simulator.onCall(() -> callTimes.add(VirtualTime.get().instant()));

        answer("{\"action\":\"sweep\",\"max_cancellations\":40}");

        // Each call happens no earlier than its slot, and slots are one second apart (60 a minute).
        List<Instant> sorted = new ArrayList<>(callTimes);
        Collections.sort(sorted);
        assertThat(sorted).hasSizeGreaterThan(100);
        assertThat(Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(sorted.size() - 1));
    }

    @Test
    void sweep_nearTheDeadline_startsNoMoreCancelsAndSaysTruncated() {
        fillTheSimulator();
        // Every QFPay call "takes" 4 s (within the test profile's 1 s read + 3 s connect time-outs) of
        // the 10 min the test profile gives an invocation; an item gets 30 s.
        simulator.onCall(() -> VirtualTime.get().advance(Duration.ofSeconds(4)));

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getBoolean("truncated")).isTrue();
        int done = summary.getInt("reversed") + summary.getInt("closed") + summary.getInt("processing");
        assertThat(done).isPositive().isLessThan(shouldBeCancelled.size());
        assertThat(summary.getInt("skipped")).isEqualTo(shouldBeCancelled.size() - done - summary.getInt("failed"));
        assertThat(summary.getList("items.message")).anyMatch(m -> String.valueOf(m).contains("deadline"));
        assertThat(summary.getInt("candidates")).isEqualTo(shouldBeCancelled.size());
    }

    @Test
    void sweep_oneFailingCancel_doesNotFailTheSweep() {
        SimPayment broken = add("800101", Script.CANCEL_SERVER_ERROR, anHourAgo());
        SimPayment fine = add("800101", Script.PENDING, anHourAgo());

        JsonPath summary = answer("{\"action\":\"sweep\"}");

        assertThat(summary.getInt("processing")).isEqualTo(1);
        assertThat(summary.getInt("reversed")).isEqualTo(1);
        assertThat(summary.getString("items.find { it.syssn == '" + broken.syssn() + "' }.message"))
                .contains("may still apply");
        assertThat(fine.cancel()).isEqualTo(1);
    }

    @Test
    void sweep_listingFails_throwsQfpayUnavailable() {
        add("800101", Script.SERVER_ERROR, anHourAgo());

        JsonPath error = error("{\"action\":\"sweep\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
    }

    @Test
    void sweep_badOverrides_areInvalidWithTheFieldNamed() {
        JsonPath error = error("{\"action\":\"sweep\",\"older_than_minutes\":-1,\"dry_run\":\"yes\"}");

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.InvalidRequestException");
        assertThat(error.getString("errorMessage")).contains("older_than_minutes").contains("dry_run");
        assertThat(simulator.calls()).isEmpty();
    }

    private static LocalDateTime anHourAgo() {
        return NOW.minusHours(1);
    }
}
