package io.qfpayreversal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the CloudWatch Embedded Metric Format documents in a log (lines that are a JSON object
 * with {@code _aws}) and checks each against the specification's rules, as CloudWatch would before
 * extracting metrics from it.
 */
public final class EmfLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private EmfLines() {
    }

    /** Every EMF document in {@code log}, one per line, each checked; fails on one that breaks a rule. */
    public static List<JsonNode> in(String log) {
        List<JsonNode> documents = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
                continue;
            }
            JsonNode document;
            try {
                document = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("an EMF line that is not JSON: " + line, e);
            }
            check(document, line);
            documents.add(document);
        }
        return documents;
    }

    /** The documents whose members include these dimension values. */
    public static List<JsonNode> with(List<JsonNode> documents, Map<String, String> dimensions) {
        return documents.stream().filter(document -> dimensions.entrySet().stream()
                .allMatch(d -> d.getValue().equals(document.path(d.getKey()).asText(null)))).toList();
    }

    static void check(JsonNode document, String line) {
        JsonNode aws = document.path("_aws");
        require(aws.path("Timestamp").isIntegralNumber(), "_aws.Timestamp must be epoch milliseconds", line);
        JsonNode directives = aws.path("CloudWatchMetrics");
        require(directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics must be a non-empty array", line);
        for (JsonNode directive : directives) {
            String namespace = directive.path("Namespace").asText("");
            require(!namespace.isBlank() && namespace.length() <= 255, "Namespace must be 1 to 255 characters", line);
            JsonNode sets = directive.path("Dimensions");
            require(sets.isArray(), "Dimensions must be an array of dimension sets", line);
            for (JsonNode set : sets) {
                require(set.isArray() && set.size() <= 30, "a dimension set is an array of at most 30 names", line);
                for (JsonNode name : set) {
                    require(document.path(name.asText()).isTextual(), "dimension " + name + " must be a string member",
                            line);
                }
            }
            JsonNode metrics = directive.path("Metrics");
            require(metrics.isArray() && metrics.size() <= 100, "Metrics must be an array of at most 100", line);
            for (JsonNode metric : metrics) {
                String name = metric.path("Name").asText("");
                require(!name.isEmpty() && name.length() <= 1024, "a metric needs a Name", line);
                require(metric.path("Unit").isMissingNode() || UNITS.contains(metric.path("Unit").asText()),
                        "unknown Unit " + metric.path("Unit"), line);
                JsonNode value = document.path(name);
                boolean number = value.isNumber();
                boolean numbers = value.isArray() && !value.isEmpty() && value.size() <= 100;
                if (numbers) {
                    for (JsonNode element : value) {
                        numbers &= element.isNumber();
                    }
                }
                require(number || numbers, "metric " + name + " must be a number or 1 to 100 numbers", line);
            }
        }
    }

    private static void require(boolean rule, String message, String line) {
        if (!rule) {
            throw new AssertionError("EMF rule broken: " + message + " in " + line);
        }
    }
}
