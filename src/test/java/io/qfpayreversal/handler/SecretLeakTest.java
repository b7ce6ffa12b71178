package io.qfpayreversal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.RecordedCall;
import io.qfpayreversal.simulator.Script;
import io.qfpayreversal.simulator.SimPayment;
import io.qfpayreversal.testing.FunctionTest;
import io.qfpayreversal.testing.LambdaInvoker;
import io.qfpayreversal.testing.LogCapture;
import io.qfpayreversal.testing.QfpayTestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Runs every kind of outcome with a recognisable client key and fails if the key, a sign string
 * or a signature that was sent appears in any log line, answer or error.
 */
@QuarkusTest
class SecretLeakTest extends FunctionTest {

    @Test
    void secrets_neverAppearInLogsAnswersOrErrors() {
        List<String> seen = new ArrayList<>();
        try (LogCapture logs = LogCapture.open()) {
            for (Script script : Script.values()) {
                seen.add(invoke(reverseEvent(payment("800101", script))));
                seen.add(invoke(statusEvent(payment("800008", script))));
            }
            seen.add(invoke(reverseEvent(payment("800008", Script.PENDING))));
            seen.add(invoke("{\"syssn\":\"bad!\",\"txamt\":\"x\"}"));
            simulator.useClientKey("ANOTHER-KEY");
            seen.add(invoke(reverseEvent(payment("800101", Script.PENDING))));
            simulator.useClientKey(QfpayTestEnvironment.CLIENT_KEY);
            seen.add(invoke(statusEvent(payment("800101", Script.PENDING))));
            seen.addAll(logs.lines());
        }

        List<String> signatures = simulator.calls().stream().map(RecordedCall::sign).filter(Objects::nonNull).toList();
        assertThat(signatures).hasSizeGreaterThan(10);
        assertThat(String.join("\n", seen)).contains("qfpay call operation=reversal")
                .doesNotContain(QfpayTestEnvironment.CLIENT_KEY)
                .doesNotContain("&" + QfpayTestEnvironment.CLIENT_KEY.substring(0, 6));
        for (String signature : signatures) {
            assertThat(seen).noneMatch(text -> text.contains(signature));
        }
    }

    private static String invoke(String event) {
        return LambdaInvoker.invoke(event).extract().asString();
    }
}
