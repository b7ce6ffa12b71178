package io.qfpayreversal.ledger;

import java.util.UUID;

/**
 * Who records cancels: the invocation's request id (named in answers, found in the logs) and an id of
 * its own per {@code reverse} call, since Lambda retries an asynchronous event under the same request
 * id and that retry knows nothing of what the first attempt sent.
 */
public record Claimant(String requestId, String claimId) {

    public static Claimant of(String requestId) {
        return new Claimant(requestId == null || requestId.isBlank() ? "unknown" : requestId,
                UUID.randomUUID().toString());
    }
}
