package io.qfpayreversal.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.reversal.MerchantPolicy;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.reversal.RequestValidator;
import io.qfpayreversal.reversal.ReversalRequest;
import io.qfpayreversal.reversal.ReversalService;
import io.qfpayreversal.reversal.StatusService;
import io.qfpayreversal.sweep.SweepRequest;
import io.qfpayreversal.sweep.SweepService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;

/** Recognises what invoked the function ({@link EventShape}) and hands the work to the right service. */
@ApplicationScoped
public class EventRouter {

    private final ReversalService reversals;
    private final StatusService statuses;
    private final SweepService sweeps;
    private final ApiGatewayAdapter api;
    private final QfpayConfig config;
    private final JsonInput json;
    private final MerchantPolicy merchants;

    EventRouter(ReversalService reversals, StatusService statuses, SweepService sweeps, ApiGatewayAdapter api,
            QfpayConfig config, JsonInput json, MerchantPolicy merchants) {
        this.reversals = reversals;
        this.statuses = statuses;
        this.sweeps = sweeps;
        this.api = api;
        this.config = config;
        this.json = json;
        this.merchants = merchants;
    }

    /** The invocation's raw event: parsed once, strictly ({@link JsonInput}), then routed. */
    public Object route(InputStream event, Deadline deadline, String requestId) throws IOException {
        return route(json.event(event), deadline, requestId);
    }

    public Object route(JsonNode event, Deadline deadline, String requestId) {
        EventShape shape = EventShape.of(event);
        LogFields.put("event_shape", shape);
        if (shape == EventShape.SCHEDULED) {
            LogFields.put(LogFields.ACTION, Action.SWEEP.wireName());
        }
        return switch (shape) {
            case API_GATEWAY_REST -> api.handle(HttpRequest.fromRest(event), deadline, requestId);
            case API_GATEWAY_HTTP -> api.handle(HttpRequest.fromHttpApi(event), deadline, requestId);
            case SCHEDULED -> sweeps.sweep(sweepRequest(scheduledOverrides(event)), deadline, requestId);
            case DIRECT -> direct(event, deadline, requestId);
        };
    }

    /** A direct invocation (Step Functions, the CLI): the event is the request itself. */
    private Object direct(JsonNode input, Deadline deadline, String requestId) {
        Action action = RequestValidator.peekAction(input);
        LogFields.put(LogFields.ACTION, action == null ? null : action.wireName()); // known before validation fails
        if (action == Action.SWEEP) {
            return sweeps.sweep(sweepRequest(input), deadline, requestId);
        }
        ReversalRequest request = RequestValidator.validate(input, merchants.direct());
        LogFields.put(LogFields.ACTION, request.action().wireName());
        return request.action() == Action.STATUS
                ? statuses.status(request, deadline, requestId)
                : reversals.reverse(request, deadline, requestId);
    }

    /** A sweep may name any merchant a direct invocation may: it is started by a schedule or an operator. */
    private SweepRequest sweepRequest(JsonNode overrides) {
        return SweepRequest.from(overrides, config.sweep(), merchants.direct());
    }

    /**
     * Overrides in a scheduled event's {@code detail}: an object from an EventBridge rule, a JSON
     * string from EventBridge Scheduler.
     */
    private JsonNode scheduledOverrides(JsonNode event) {
        JsonNode detail = event.path("detail");
        return detail.isTextual() ? json.embedded(detail.textValue(), "detail") : detail;
    }
}
