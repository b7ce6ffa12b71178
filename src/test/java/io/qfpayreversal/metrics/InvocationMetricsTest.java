package io.qfpayreversal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.event.ProxyResponse;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.reversal.ReversalRequest;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.reversal.ReversalStatus;
import io.qfpayreversal.sweep.SweepSummary;
import io.qfpayreversal.testing.EmfLines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvocationMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final List<String> lines = new ArrayList<>();
    private final InvocationMetrics metrics = new InvocationMetrics(Clock.fixed(NOW, ZoneOffset.UTC), new ObjectMapper(),
            "qfpay-reversal-prod", lines::add);

    @BeforeEach
    void invocation() {
        LogFields.put(LogFields.REQUEST_ID, "req-1");
    }

    @AfterEach
    void clear() {
        LogFields.clear();
    }

    @Test
    void reverse_writesEveryOutcomeOfTheAction_oneForWhatHappened() {
        LogFields.put(LogFields.ACTION, "reverse");

        metrics.invocationDone(result(ReversalStatus.REFUND_REQUIRED));

        JsonNode outcome = single(Map.of("action", "reverse"));
        assertThat(outcome.path("function").asText()).isEqualTo("qfpay-reversal-prod");
        assertThat(outcome.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(outcome.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("QfpayReversal");
        assertThat(outcome.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"function\",\"action\"],[\"function\"]]");
        assertThat(outcome.path("REFUND_REQUIRED").asInt()).isEqualTo(1);
        for (String other : List.of("REVERSED", "CLOSED", "PROCESSING", "NOT_FOUND", "REJECTED", "InvalidRequest",
                "QfpayUnavailable", "ConfigurationError", "InternalError")) {
            assertThat(outcome.path(other).asInt(-1)).as(other).isZero();
        }
        assertThat(outcome.path("Invocations").asInt()).isEqualTo(1);
        assertThat(outcome.path("requestId").asText()).isEqualTo("req-1");
    }

    @Test
    void status_writesThePaymentStatuses() {
        LogFields.put(LogFields.ACTION, "status");

        metrics.invocationDone(ReversalResult.builder(request()).build(ReversalStatus.REVERSED, "ok"));

        JsonNode outcome = single(Map.of("action", "status"));
        assertThat(outcome.path("REVERSED").asInt()).isEqualTo(1);
        assertThat(outcome.path("PAID").asInt(-1)).isZero();
        assertThat(outcome.path("PENDING").asInt(-1)).isZero();
        assertThat(outcome.has("REFUND_REQUIRED")).isFalse();
    }

    @Test
    void thrownErrors_areCountedByType() {
        LogFields.put(LogFields.ACTION, "reverse");
        metrics.invocationFailed(new QfpayUnavailableException("QFPay query failed", true));
        metrics.invocationFailed(new ConfigurationException("no key"));
        metrics.invocationFailed(new IllegalStateException("bug"));

        List<JsonNode> documents = EmfLines.in(String.join("\n", lines));
        assertThat(documents).extracting(d -> d.path("QfpayUnavailable").asInt()).containsExactly(1, 0, 0);
        assertThat(documents).extracting(d -> d.path("ConfigurationError").asInt()).containsExactly(0, 1, 0);
        assertThat(documents).extracting(d -> d.path("InternalError").asInt()).containsExactly(0, 0, 1);
    }

    @Test
    void apiGatewayAnswers_areCountedFromTheirBody() {
        LogFields.put(LogFields.ACTION, "reverse");
        metrics.invocationDone(new ProxyResponse(202, Map.of(), "{\"status\":\"PROCESSING\",\"retryable\":true}", false));
        metrics.invocationDone(new ProxyResponse(503, Map.of(), "{\"error\":\"qfpay_unavailable\"}", false));
        LogFields.clear();
        metrics.invocationDone(new ProxyResponse(404, Map.of(), "{\"error\":\"not_found\"}", false));

        List<JsonNode> documents = EmfLines.in(String.join("\n", lines));
        assertThat(documents).extracting(d -> d.path("PROCESSING").asInt(-1)).containsExactly(1, 0, -1);
        assertThat(documents).extracting(d -> d.path("QfpayUnavailable").asInt()).containsExactly(0, 1, 0);
        assertThat(documents).extracting(d -> d.path("InvalidRequest").asInt()).containsExactly(0, 0, 1);
        assertThat(documents.get(2).path("action").asText()).isEqualTo("none");
    }

    @Test
    void qfpayCalls_oneDocumentPerOperation_latencyAttemptsAndFaultsByKind() {
        LogFields.put(LogFields.ACTION, "reverse");
        metrics.qfpayCall("query", 1, 12, null);
        metrics.qfpayCall("reversal", 1, 30, "TIMED_OUT");
        metrics.qfpayCall("query", 1, 8, null);
        metrics.qfpayCall("query", 2, 9, "BUSY");

        metrics.invocationDone(result(ReversalStatus.REVERSED));

        JsonNode query = single(Map.of("operation", "query"));
        assertThat(query.path("QfpayLatency").toString()).isEqualTo("[12,8,9]");
        assertThat(query.path("QfpayCalls").asInt()).isEqualTo(3);
        assertThat(query.path("QfpayRetries").asInt()).isEqualTo(1);
        assertThat(query.path("QfpayFaults").asInt()).isEqualTo(1);
        assertThat(query.path("QfpayFault_BUSY").asInt()).isEqualTo(1);
        assertThat(query.path("action").asText()).isEqualTo("reverse");
        assertThat(query.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"function\",\"operation\"]]");
        JsonNode reversal = single(Map.of("operation", "reversal"));
        assertThat(reversal.path("QfpayLatency").asInt()).isEqualTo(30);
        assertThat(reversal.path("QfpayFault_TIMED_OUT").asInt()).isEqualTo(1);
    }

    @Test
    void aFlush_startsTheNextInvocationFromNothing() {
        metrics.qfpayCall("query", 1, 12, null);
        metrics.credentialsLoaded(false);
        metrics.invocationDone(result(ReversalStatus.REVERSED));
        lines.clear();

        metrics.invocationDone(result(ReversalStatus.REVERSED));

        assertThat(lines).hasSize(1);
        assertThat(single(Map.of()).path("CredentialLoads").asInt(-1)).isZero();
    }

    @Test
    void credentials_loadsAndReloadsAreCounted() {
        metrics.credentialsLoaded(false);
        metrics.credentialsLoaded(true);

        metrics.invocationDone(result(ReversalStatus.REVERSED));

        JsonNode outcome = single(Map.of());
        assertThat(outcome.path("CredentialLoads").asInt()).isEqualTo(1);
        assertThat(outcome.path("CredentialReloads").asInt()).isEqualTo(1);
    }

    @Test
    void manyCalls_areSplitAtTheSpecificationsHundredValues() {
        for (int i = 0; i < 250; i++) {
            metrics.qfpayCall("query", 1, i, null);
        }

        metrics.invocationDone(result(ReversalStatus.REVERSED));

        List<JsonNode> query = EmfLines.with(EmfLines.in(String.join("\n", lines)), Map.of("operation", "query"));
        assertThat(query).extracting(d -> d.path("QfpayLatency").size()).containsExactly(100, 100, 50);
        assertThat(query).extracting(d -> d.path("QfpayCalls").asInt(-1)).containsExactly(250, -1, -1);
    }

    @Test
    void sweep_writesItsCounts() {
        LogFields.put(LogFields.ACTION, "sweep");
        SweepSummary summary = new SweepSummary(null, 10, 7, 3, 1, 1, 0, 1, 1, false, true, List.of());

        metrics.invocationDone(summary);

        JsonNode outcome = single(Map.of("action", "sweep"));
        assertThat(outcome.path("SweepCandidates").asInt()).isEqualTo(7);
        assertThat(outcome.path("SweepCancelled").asInt()).isEqualTo(4);
        assertThat(outcome.path("SweepProcessing").asInt()).isEqualTo(1);
        assertThat(outcome.path("SweepFailed").asInt()).isEqualTo(1);
        assertThat(outcome.path("SweepSkipped").asInt()).isEqualTo(1);
        assertThat(outcome.path("SweepTruncated").asInt()).isEqualTo(1);
    }

    @Test
    void noPaymentIdentifierIsWritten() {
        LogFields.put(LogFields.ACTION, "reverse");
        LogFields.put(LogFields.SYSSN, "20261125000000123");
        LogFields.put(LogFields.OUT_TRADE_NO, "ORDER-123");
        metrics.qfpayCall("query", 1, 12, null);

        metrics.invocationDone(result(ReversalStatus.REVERSED));

        assertThat(String.join("\n", lines)).doesNotContain("20261125000000123", "ORDER-123", "syssn", "out_trade_no");
    }

    @Test
    void aSinkThatFails_neverFailsTheInvocation() {
        InvocationMetrics failing = new InvocationMetrics(Clock.fixed(NOW, ZoneOffset.UTC), new ObjectMapper(), "f",
                line -> {
                    throw new IllegalStateException("stdout closed");
                });
        failing.qfpayCall("query", 1, 12, null);

        failing.invocationDone(result(ReversalStatus.REVERSED));
        failing.invocationFailed(new IllegalStateException("bug"));
    }

    private JsonNode single(Map<String, String> dimensions) {
        List<JsonNode> matching = EmfLines.with(EmfLines.in(String.join("\n", lines)), dimensions).stream()
                .filter(d -> dimensions.containsKey("operation") || !d.has("operation")).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static ReversalRequest request() {
        return new ReversalRequest(Action.REVERSE, "20261125000000123", "ORDER-123", 2500L, "2026-11-25 10:00:00",
                "800101", null, null);
    }

    private static ReversalResult result(ReversalStatus status) {
        return ReversalResult.builder(request()).build(status, "done");
    }
}
