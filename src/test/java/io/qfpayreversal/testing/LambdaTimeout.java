package io.qfpayreversal.testing;

import com.amazonaws.services.lambda.runtime.Context;
import io.qfpayreversal.handler.LambdaTimeLeft;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The Lambda time-out in {@code @QuarkusTest}s: the mock event server reports no deadline, so a
 * test that needs one sets it here; every invocation then starts with that much time left.
 */
@Alternative
@Priority(1)
@Singleton
public class LambdaTimeout extends LambdaTimeLeft {

    private static volatile Duration timeout;

    public static void set(Duration lambdaTimeout) {
        timeout = lambdaTimeout;
    }

    public static void clear() {
        timeout = null;
    }

    @Override
    public Optional<Duration> of(Context context) {
        Duration set = timeout;
        return set != null ? Optional.of(set) : super.of(context);
    }
}
