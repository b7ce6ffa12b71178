package io.qfpayreversal.credentials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * The JSON of {@code GetParameters} in AWS's JSON 1.1 protocol, written and read with the SDK's
 * own JSON core. Nothing here quotes an answer: it holds the client key.
 */
final class SsmJson {

    private SsmJson() {
    }

    /** {@code {"Names":[…],"WithDecryption":true}}. */
    static byte[] request(List<String> names) {
        try (JsonWriter request = JsonWriter.create()) {
            request.writeStartObject().writeFieldName("Names").writeStartArray();
            names.forEach(request::writeValue);
            return request.writeEndArray().writeFieldName("WithDecryption").writeValue(true).writeEndObject().getBytes();
        }
    }

    /** The answer's {@code Parameters} by name. */
    static Map<String, String> values(byte[] answer) {
        List<JsonNode> parameters;
        try {
            parameters = JsonNodeParser.create().parse(answer).field("Parameters").filter(JsonNode::isArray)
                    .map(JsonNode::asArray).orElse(List.of());
        } catch (RuntimeException e) {
            throw SdkClientException.create("SSM's answer to GetParameters is not JSON");
        }
        Map<String, String> values = new HashMap<>();
        for (JsonNode parameter : parameters) {
            String name = text(parameter, "Name");
            String value = text(parameter, "Value");
            if (name != null && value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    /** An error answer's body, or an empty object when it is empty or not JSON. */
    static JsonNode error(byte[] body) {
        try {
            return body.length == 0 ? JsonNode.emptyObjectNode() : JsonNodeParser.create().parse(body);
        } catch (RuntimeException e) {
            return JsonNode.emptyObjectNode();
        }
    }

    /** The string field {@code name} of a JSON object, or null. */
    static String text(JsonNode node, String name) {
        return node.isObject() ? node.field(name).filter(JsonNode::isString).map(JsonNode::asString).orElse(null) : null;
    }
}
