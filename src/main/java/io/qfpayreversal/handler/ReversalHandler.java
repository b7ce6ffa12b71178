package io.qfpayreversal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.event.EventRouter;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.metrics.InvocationMetrics;
import io.qfpayreversal.time.Deadline;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The Lambda entry point: sets the deadline and request id, hands the raw event on (the router
 * parses it strictly), logs the outcome and writes the answer as JSON.
 */
@Named("reversal")
public class ReversalHandler implements RequestStreamHandler {

    private static final Logger LOG = Logger.getLogger(ReversalHandler.class);

    private final EventRouter router;
    private final ObjectMapper json;
    private final Clock clock;
    private final LambdaTimeLeft timeLeft;
    private final QfpayConfig config;
    private final InvocationMetrics metrics;

    ReversalHandler(EventRouter router, ObjectMapper json, Clock clock, LambdaTimeLeft timeLeft, QfpayConfig config,
            InvocationMetrics metrics) {
        this.metrics = metrics;
        this.router = router;
        this.json = json;
        this.clock = clock;
        this.timeLeft = timeLeft;
        this.config = config;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream output, Context context) throws IOException {
        LogFields.put(LogFields.REQUEST_ID, context.getAwsRequestId());
        Deadline deadline = Deadline.in(clock, timeToAnswer(context), config.minCallTimeout());
        long started = System.nanoTime();
        try {
            Object answer = router.route(event, deadline, context.getAwsRequestId());
            long millis = elapsed(started);
            Map<String, Object> outcome = Outcome.fields(answer, millis);
            LogFields.with(outcome, () -> LOG.infof("invocation done %s", outcome));
            metrics.invocationDone(answer);
            output.write(json.writeValueAsBytes(answer));
        } catch (RuntimeException e) {
            long millis = elapsed(started);
            LogFields.with(LogFields.of("outcome", "error", "error", e.getClass().getName(), "duration_ms", millis),
                    () -> LOG.infof("invocation failed error=%s message=%s duration_ms=%d",
                            e.getClass().getSimpleName(), e.getMessage(), millis));
            metrics.invocationFailed(e);
            throw e;
        } finally {
            LogFields.clear();
        }
    }

    /**
     * The Lambda deadline less the margin. A runtime that reports no deadline (the local test event
     * server reports one in the past) gets {@code qfpay.unknown-deadline-timeout}.
     */
    private Duration timeToAnswer(Context context) {
        return timeLeft.of(context).map(left -> left.minus(config.deadlineMargin()))
                .orElse(config.unknownDeadlineTimeout());
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
