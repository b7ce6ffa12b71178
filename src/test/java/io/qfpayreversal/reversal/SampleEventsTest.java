package io.qfpayreversal.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.event.EventShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample events under events/ (make invoke, the docs) are the shapes and actions their names say;
 * the direct ones pass the input rules (in this package for the validator's shape-only check).
 */
class SampleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "reverse.json, DIRECT, REVERSE",
            "reverse-by-out-trade-no.json, DIRECT, REVERSE",
            "status.json, DIRECT, STATUS",
            "sweep.json, DIRECT, SWEEP",
            "sweep-dry-run.json, DIRECT, SWEEP",
            "api-rest-post-reversals.json, API_GATEWAY_REST, REVERSE",
            "api-rest-get-transactions.json, API_GATEWAY_REST, STATUS",
            "api-http-post-reversals.json, API_GATEWAY_HTTP, REVERSE",
            "api-http-get-transactions.json, API_GATEWAY_HTTP, STATUS",
            "eventbridge-rule-sweep.json, SCHEDULED, SWEEP",
            "scheduler-sweep.json, SCHEDULED, SWEEP",
    })
    void sampleEvent_isRecognised(String file, EventShape shape, Action action) throws IOException {
        JsonNode event = JSON.readTree(Files.readString(Path.of("events", file)));

        assertThat(EventShape.of(event)).isEqualTo(shape);
        if (shape == EventShape.DIRECT) {
            assertThat(RequestValidator.peekAction(event)).isEqualTo(action);
            if (action != Action.SWEEP) {
                assertThat(RequestValidator.validate(event).action()).isEqualTo(action);
            }
        }
    }

    @Test
    void eventsFolder_holdsTheListedSamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "reverse.json", "reverse-by-out-trade-no.json", "status.json", "sweep.json",
                    "sweep-dry-run.json", "api-rest-post-reversals.json", "api-rest-get-transactions.json",
                    "api-http-post-reversals.json", "api-http-get-transactions.json", "eventbridge-rule-sweep.json",
                    "scheduler-sweep.json");
        }
    }
}
