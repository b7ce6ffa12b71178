package io.qfpayreversal.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one parser of JSON input: the event itself, an API body, a Scheduler {@code detail}. A key
 * given twice is refused with the field named (what was validated must be what was meant), and so
 * is anything after the first value.
 */
@ApplicationScoped
public class JsonInput {

    private final ObjectReader reader;

    JsonInput(ObjectMapper json) {
        this.reader = json.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The invocation's event; input that is not JSON is reported as field {@code $}. */
    JsonNode event(InputStream in) throws IOException {
        try {
            return reader.readTree(in);
        } catch (JsonProcessingException e) {
            throw refused(e, null, "the input must be a JSON object");
        }
    }

    /** JSON text found inside an event ({@code body}, {@code detail}); {@code field} names it when it is not JSON. */
    JsonNode embedded(String text, String field) {
        try {
            return reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw refused(e, field, "must be a JSON object");
        }
    }

    private static InvalidRequestException refused(JsonProcessingException e, String field, String rule) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return new InvalidRequestException(List.of(new Violation(duplicate, "appears more than once")));
        }
        return new InvalidRequestException(List.of(new Violation(field == null ? "$" : field, rule)));
    }

    /** The dotted path of the key given twice, or {@code null} when that was not the fault. */
    private static String duplicateField(JsonProcessingException e) {
        if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                names.addFirst(context.getCurrentName());
            } else if (context.inArray()) {
                names.addFirst(String.valueOf(context.getCurrentIndex()));
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }
}
