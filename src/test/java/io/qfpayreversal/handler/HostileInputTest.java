package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.qfpayreversal.testing.TestEnvironment;
import io.qfpayreversal.testing.Fixtures;
import io.qfpayreversal.testing.Inputs;
import io.qfpayreversal.testing.LambdaInvoker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Random hostile and valid inputs (jqwik generators) through the whole function, on the direct and
 * the API Gateway paths: hostile ones always end in InvalidRequestException / HTTP 400 naming
 * exactly the bad fields, never a 5xx and never a QFPay call; valid ones always make requests whose
 * signatures the simulator accepts.
 */
@QuarkusTest
class HostileInputTest extends FunctionTest {

    private static final int SAMPLES = 150;

    private static List<Inputs.Hostile> samples(Set<String> fields) {
        Arbitrary<Inputs.Hostile> hostile = Inputs.hostile(fields);
        return hostile.sampleStream().limit(SAMPLES).toList();
    }

    @Test
    void directInvocation_hostileInput_isInvalidRequestNamingEveryBadField() {
        for (Inputs.Hostile sample : samples(Inputs.ALL_FIELDS)) {
            JsonPath error = LambdaInvoker.invoke(sample.input().toString()).statusCode(500).extract().jsonPath();

            assertThat(error.getString("errorType")).as(sample.toString())
                    .isEqualTo("io.qfpayreversal.error.InvalidRequestException");
            for (String field : sample.badFields()) {
                assertThat(error.getString("errorMessage")).as(sample.toString()).contains(field + ":");
            }
        }
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void apiGateway_hostileBody_is400NamingExactlyTheBadFields() {
        Set<String> bodyFields = new HashSet<>(Inputs.ALL_FIELDS);
        bodyFields.remove("action"); // the route decides the action
        for (Inputs.Hostile sample : samples(bodyFields)) {
            ObjectNode event = Fixtures.event("apigw-rest-post-reversals.json");
            event.put("body", sample.input().toString());

            JsonPath response = LambdaInvoker.invoke(event.toString()).statusCode(200).extract().jsonPath();

            assertThat(response.getInt("statusCode")).as(sample.toString()).isEqualTo(400);
            JsonPath body = new JsonPath(response.getString("body"));
            assertThat(new HashSet<>(body.getList("violations.field", String.class))).as(sample.toString())
                    .isEqualTo(sample.badFields());
        }
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void validInputs_alwaysSignSoThatQfpayAccepts() {
        List<Inputs.Valid> samples = Inputs.valid().sampleStream().limit(60).toList();
        for (Inputs.Valid valid : samples) {
            // Each sample is a new payment, though the generator may repeat a serial: QFPay never does, so
            // neither may the cancel ledger remember an earlier sample's cancel of it.
            TestEnvironment.ssm().clearLedger(QfpayTestEnvironment.LEDGER_TABLE);
            simulator.add(new SimPayment(valid.syssn(), valid.outTradeNo(), "800101", valid.txamt(),
                    LocalDateTime.now(HK), Script.PENDING));

            JsonPath result = answer(valid.input().toString());

            assertThat(result.getString("status")).as(valid.input().toString()).isEqualTo("REVERSED");
        }
        assertThat(simulator.calls()).extracting(RecordedCall::respcd).doesNotContain("1108");
        assertThat(simulator.calls("reversal")).hasSize(samples.size())
                .allSatisfy(call -> assertThat(call.params()).containsKeys("udid", "mchid", "out_trade_no"));
    }
}
