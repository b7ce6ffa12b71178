package io.qfpayreversal.handler;

import io.qfpayreversal.event.ProxyResponse;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.sweep.SweepSummary;
import java.util.Map;

/** The fields of the invocation log line that summarise an answer. */
final class Outcome {

    private Outcome() {
    }

    /** The outcome as log fields: status and respcd of a result, HTTP status of a proxy response. */
    static Map<String, Object> fields(Object answer, long millis) {
        if (answer instanceof ReversalResult result) {
            return LogFields.of("outcome", result.status(), "respcd", result.respcd(), "duration_ms", millis);
        }
        if (answer instanceof ProxyResponse response) {
            return LogFields.of("outcome", "http_" + response.statusCode(), "duration_ms", millis);
        }
        if (answer instanceof SweepSummary summary) {
            return LogFields.of("outcome", "sweep", "candidates", summary.candidates(), "truncated",
                    summary.truncated(), "duration_ms", millis);
        }
        return LogFields.of("duration_ms", millis);
    }
}
