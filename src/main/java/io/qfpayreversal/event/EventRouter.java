package io.qfpayreversal.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.reversal.Deadline;
import io.qfpayreversal.reversal.RequestValidator;
import io.qfpayreversal.reversal.ReversalService;
import io.qfpayreversal.reversal.StatusService;
import jakarta.enterprise.context.ApplicationScoped;

/** Recognises what invoked the function and hands the work to the right service. */
@ApplicationScoped
public class EventRouter {

    private final ReversalService reversals;
    private final StatusService statuses;

    EventRouter(ReversalService reversals, StatusService statuses) {
        this.reversals = reversals;
        this.statuses = statuses;
    }

    public Object route(JsonNode event, Deadline deadline) {
        return direct(event, deadline);
    }

    /** A direct invocation (Step Functions, the CLI): the event is the request itself. */
    private Object direct(JsonNode input, Deadline deadline) {
        Action action = RequestValidator.action(input);
        return switch (action) {
            case REVERSE -> reversals.reverse(RequestValidator.validate(input), deadline);
            case STATUS -> statuses.status(RequestValidator.validate(input));
            case SWEEP -> throw new UnsupportedOperationException("sweep arrives with issue B");
        };
    }
}
