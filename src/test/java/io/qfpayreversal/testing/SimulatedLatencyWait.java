package io.qfpayreversal.testing;

import io.qfpayreversal.qfpay.ResponseWait;
import io.qfpayreversal.simulator.QfpaySimulator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The function's wait for QFPay in {@code @QuarkusTest}s: as in production, plus the virtual time an
 * answer takes when the simulator says so ({@link QfpaySimulator#latency}). An answer slower than
 * the call's time-out is dropped at the time-out, exactly as the real wait would drop it.
 */
@Alternative
@Priority(1)
@Singleton
public class SimulatedLatencyWait extends ResponseWait {

    @Override
    public Response await(Uni<Response> call, Duration timeout) {
        Response response = super.await(call, timeout);
        String header = response.getHeaderString(QfpaySimulator.LATENCY_HEADER);
        if (header == null) {
            return response;
        }
        Duration took = Duration.ofMillis(Long.parseLong(header));
        if (took.compareTo(timeout) > 0) {
            VirtualTime.get().advance(timeout);
            response.close();
            throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms (virtual time)",
                    new TimeoutException());
        }
        VirtualTime.get().advance(took);
        return response;
    }
}
