package io.qfpayreversal.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LambdaTimeout;
import io.qfpayreversal.testing.VirtualTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * One time budget per invocation, against a QFPay that takes its time (virtual time, see
 * {@code SimulatedLatencyWait}): a call the function gives up on ends at the time-out the function
 * gave it; QFPay still acts on it, the answer is lost.
 */
@QuarkusTest
@TestProfile(SlowQfpayProfile.class)
class DeadlineBudgetTest extends FunctionTest {

    private static final Duration MARGIN = Duration.ofSeconds(2);

    /** Invocations get {@code lambdaTimeout}; the answer is due {@code budget} from now. */
    private Instant lambdaTimesOutIn(Duration lambdaTimeout, Duration budget) {
        LambdaTimeout.set(lambdaTimeout);
        return VirtualTime.get().instant().plus(budget);
    }

    @Test
    void reverse_slowQfpayAndA15sLambda_answersBeforeTheDeadlineWithTheConfirmed0000() {
        Instant answerBy = lambdaTimesOutIn(Duration.ofSeconds(15), Duration.ofSeconds(15).minus(MARGIN));
        simulator.latency(Duration.ofSeconds(6));
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath result = answer(reverseEvent(payment));

        assertThat(VirtualTime.get().instant()).isBeforeOrEqualTo(answerBy);
        assertThat(result.getString("status")).isEqualTo("REVERSED");
        assertThat(result.getString("message")).contains("confirming query failed");
        assertThat(payment.cancel()).isEqualTo(1);
        assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query", "reversal", "query");
    }

    @Test
    void reverse_lessTimeThanAnyCall_sendsNothingAndSaysSoRetryably() {
        lambdaTimesOutIn(Duration.ofMillis(2500), Duration.ofMillis(500));
        SimPayment payment = payment("800101", Script.PENDING);

        JsonPath error = error(reverseEvent(payment));

        assertThat(error.getString("errorType")).isEqualTo("io.qfpayreversal.error.QfpayUnavailableException");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void postReversals_reversalAnswerLost_stillQueriesAndDecidesWithinApiGateways29s() {
        Instant answerBy = lambdaTimesOutIn(Duration.ofSeconds(60), Duration.ofSeconds(29).minus(MARGIN));
        // Queries answer in a second; the reversal hangs for 40 s (QFPay applies it meanwhile).
        simulator.latency(Duration.ofSeconds(1));
        simulator.onCall(() -> {
            if (simulator.calls("reversal").isEmpty() && simulator.calls("query").size() == 1) {
                simulator.latency(Duration.ofSeconds(40));
            } else {
                simulator.latency(Duration.ofSeconds(1));
            }
        });
        simulator.add(new SimPayment("20261125000300001", "API-ORDER-1", "800101", 2500,
                LocalDateTime.now(HK).withNano(0).minusMinutes(5), Script.PENDING));

        JsonPath response = answer(Fixtures.event("apigw-rest-post-reversals.json").toString());

        assertThat(VirtualTime.get().instant()).isBeforeOrEqualTo(answerBy);
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = new JsonPath(response.getString("body"));
        assertThat(body.getString("status")).isEqualTo("REVERSED");
        assertThat(body.getString("message")).contains("answer was lost");
        assertThat(simulator.calls()).extracting(RecordedCall::operation).containsExactly("query", "reversal", "query");
    }

    @Test
    void sweep_slowQfpayNearTheDeadline_startsOnlyItemsThatCanFinishAndReturnsItsSummaryInTime() {
        Instant answerBy = lambdaTimesOutIn(Duration.ofSeconds(75), Duration.ofSeconds(75).minus(MARGIN));
        simulator.latency(Duration.ofSeconds(6));
        LocalDateTime hourAgo = LocalDateTime.now(HK).withNano(0).minusHours(1);
        for (int i = 0; i < 5; i++) {
            simulator.add(new SimPayment("2026112500090000" + i, "STALE-" + i, "800101", 2500, hourAgo.plusSeconds(i),
                    Script.PENDING));
        }

        JsonPath summary = answer(Fixtures.event("eventbridge-scheduled-event.json").toString());

        assertThat(VirtualTime.get().instant()).isBeforeOrEqualTo(answerBy);
        assertThat(summary.getBoolean("truncated")).isTrue();
        assertThat(summary.getInt("reversed")).isBetween(1, 4);
        assertThat(summary.getInt("reversed") + summary.getInt("skipped")).isEqualTo(5);
        assertThat(summary.getList("items.message")).anyMatch(m -> String.valueOf(m).contains("deadline"));
    }
}
