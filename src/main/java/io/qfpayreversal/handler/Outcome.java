package io.qfpayreversal.handler;

import io.qfpayreversal.reversal.ReversalResult;

/** A one-word summary of an answer for the invocation log line. */
final class Outcome {

    private Outcome() {
    }

    static String of(Object answer) {
        if (answer instanceof ReversalResult result) {
            return result.status() + " respcd=" + result.respcd();
        }
        return answer == null ? "null" : answer.getClass().getSimpleName();
    }
}
