package io.qfpayreversal.qfpay;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Waits for QFPay's answer to one call, at most the call's time-out; a port so tests can let calls
 * take virtual time. A time-out surfaces as an exception caused by a {@code TimeoutException}.
 */
@Singleton
public class ResponseWait {

    public Response await(Uni<Response> call, Duration timeout) {
        return call.await().atMost(timeout);
    }
}
