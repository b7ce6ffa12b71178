package io.qfpayreversal.handler;

import io.qfpayreversal.event.ProxyResponse;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.sweep.SweepSummary;

/** A one-word summary of an answer for the invocation log line. */
final class Outcome {

    private Outcome() {
    }

    static String of(Object answer) {
        if (answer instanceof ReversalResult result) {
            return result.status() + " respcd=" + result.respcd();
        }
        if (answer instanceof ProxyResponse response) {
            return "http_" + response.statusCode();
        }
        if (answer instanceof SweepSummary summary) {
            return "sweep candidates=" + summary.candidates() + " truncated=" + summary.truncated();
        }
        return answer == null ? "null" : answer.getClass().getSimpleName();
    }
}
