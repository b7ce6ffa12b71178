package io.qfpayreversal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.testing.EmfLines;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The example of CloudWatch's "Specification: Embedded metric format" page. */
    private static final String SPECIFICATION_EXAMPLE = """
            {
              "_aws": {
                "Timestamp": 1574109732004,
                "CloudWatchMetrics": [
                  {
                    "Namespace": "lambda-function-metrics",
                    "Dimensions": [["functionVersion"]],
                    "Metrics": [
                      {
                        "Name": "time",
                        "Unit": "Milliseconds"
                      }
                    ]
                  }
                ]
              },
              "functionVersion": "$LATEST",
              "time": 100,
              "requestId": "989ffbf8-9ace-4817-a57c-e4dd734019ee"
            }
            """;

    @Test
    void specificationExample_isWrittenExactly() throws Exception {
        String line = new EmfDocument("lambda-function-metrics", 1574109732004L).dimensionSet("functionVersion")
                .dimension("functionVersion", "$LATEST")
                .metric("time", EmfDocument.MILLISECONDS, 100)
                .property("requestId", "989ffbf8-9ace-4817-a57c-e4dd734019ee")
                .toJson();

        assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree(SPECIFICATION_EXAMPLE));
        assertThat(line).doesNotContain("\n");
        assertThat(EmfLines.in(SPECIFICATION_EXAMPLE.replace("\n", ""))).hasSize(1);
    }

    @Test
    void severalValues_areAnArray_andFractionsStayFractions() throws Exception {
        JsonNode document = JSON.readTree(new EmfDocument("ns", 1L).dimensionSet("operation")
                .dimension("operation", "query")
                .metric("QfpayLatency", EmfDocument.MILLISECONDS, List.of(3.0, 4.5))
                .metric("Rate", EmfDocument.COUNT, 0.25).toJson());

        assertThat(document.path("QfpayLatency").toString()).isEqualTo("[3,4.5]");
        assertThat(document.path("Rate").asDouble()).isEqualTo(0.25);
        assertThat(EmfLines.in(document.toString())).hasSize(1);
    }

    @Test
    void moreValuesThanTheSpecificationAllows_areRefused() {
        EmfDocument document = new EmfDocument("ns", 1L);

        assertThatThrownBy(() -> document.metric("m", EmfDocument.COUNT, Collections.nCopies(101, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> document.metric("m", EmfDocument.COUNT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPropertyWithoutValue_isLeftOut() throws Exception {
        JsonNode document = JSON.readTree(new EmfDocument("ns", 1L).property("requestId", null).toJson());

        assertThat(document.has("requestId")).isFalse();
    }
}
