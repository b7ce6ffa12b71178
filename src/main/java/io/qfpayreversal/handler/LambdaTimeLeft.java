package io.qfpayreversal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** How long the runtime lets this invocation run; a port so tests can set a Lambda time-out. */
@Singleton
public class LambdaTimeLeft {

    /** The time left, or empty when the runtime reports no deadline (the local test event server). */
    public Optional<Duration> of(Context context) {
        long remaining = context.getRemainingTimeInMillis();
        return remaining > 0 ? Optional.of(Duration.ofMillis(remaining)) : Optional.empty();
    }
}
