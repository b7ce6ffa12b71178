package io.qfpayreversal.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.reversal.MerchantPolicy;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.reversal.RequestValidator;
import io.qfpayreversal.reversal.ReversalService;
import io.qfpayreversal.reversal.StatusService;
import io.qfpayreversal.config.QfpayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * API Gateway's two routes: {@code POST …/reversals} (the JSON input as body) and
 * {@code GET …/transactions?syssn=|out_trade_no=}. Every outcome, error included, is a proxy
 * response; nothing is thrown back to API Gateway.
 */
@ApplicationScoped
public class ApiGatewayAdapter {

    /** API Gateway gives up on an integration after 29 seconds, whatever the Lambda timeout. */
    private static final Duration API_GATEWAY_TIMEOUT = Duration.ofSeconds(29);
    private static final String REVERSALS = "reversals";
    private static final String TRANSACTIONS = "transactions";

    private final ReversalService reversals;
    private final StatusService statuses;
    private final HttpAnswers answers;
    private final ObjectMapper json;
    private final JsonInput parser;
    private final MerchantPolicy merchants;
    private final Duration answerWithin;

    ApiGatewayAdapter(ReversalService reversals, StatusService statuses, HttpAnswers answers, ObjectMapper json,
            JsonInput input, MerchantPolicy merchants, QfpayConfig config) {
        this.answerWithin = API_GATEWAY_TIMEOUT.minus(config.deadlineMargin());
        this.reversals = reversals;
        this.statuses = statuses;
        this.answers = answers;
        this.json = json;
        this.parser = input;
        this.merchants = merchants;
    }

    ProxyResponse handle(HttpRequest request, Deadline lambdaDeadline, String requestId) {
        Deadline deadline = lambdaDeadline.within(answerWithin);
        try {
            return switch (request.resource()) {
                case REVERSALS -> "POST".equals(request.method())
                        ? reverse(request, deadline, requestId)
                        : answers.methodNotAllowed("POST", requestId);
                case TRANSACTIONS -> "GET".equals(request.method())
                        ? status(request, deadline, requestId)
                        : answers.methodNotAllowed("GET", requestId);
                default -> answers.notFound(requestId);
            };
        } catch (RuntimeException e) {
            return answers.error(e, requestId);
        }
    }

    private ProxyResponse reverse(HttpRequest request, Deadline deadline, String requestId) {
        LogFields.put(LogFields.ACTION, Action.REVERSE.wireName());
        JsonNode body = parseBody(request);
        if (body == null || !body.isObject()) {
            return answers.invalid("The body must be a JSON object.",
                    List.of(new Violation("body", "must be a JSON object")), requestId);
        }
        ((ObjectNode) body).put("action", Action.REVERSE.wireName());
        return answers.result(reversals.reverse(RequestValidator.validate(body, merchants.apiCaller(request.caller())),
                deadline, requestId), requestId);
    }

    private ProxyResponse status(HttpRequest request, Deadline deadline, String requestId) {
        LogFields.put(LogFields.ACTION, Action.STATUS.wireName());
        ObjectNode input = json.createObjectNode().put("action", Action.STATUS.wireName());
        request.query().forEach((name, value) -> {
            if (name.equals("syssn") || name.equals("out_trade_no")) {
                input.put(name, value);
            }
        });
        return answers.result(statuses.status(RequestValidator.validate(input, merchants.apiCaller(request.caller())),
                deadline, requestId), requestId);
    }

    /** The body's JSON, {@code null} when there is none; a body that is not JSON or repeats a key is refused. */
    private JsonNode parseBody(HttpRequest request) {
        if (request.body() == null || request.bodyUnreadable()) {
            return null;
        }
        return parser.embedded(request.body(), "body");
    }
}
