package io.qfpayreversal.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document, written as one JSON line: the {@code _aws}
 * metadata (timestamp, one metric directive), then the dimension values, metric values and
 * properties as members of the root (the EMF specification). Built with Jackson's tree model, so
 * the native image needs no reflection for it.
 */
final class EmfDocument {

    static final String COUNT = "Count";
    static final String MILLISECONDS = "Milliseconds";
    /** The specification's limits per directive and per metric. */
    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;

    private final String namespace;
    private final long timestamp;
    private final List<List<String>> dimensionSets = new ArrayList<>();
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    EmfDocument(String namespace, long epochMillis) {
        this.namespace = namespace;
        this.timestamp = epochMillis;
    }

    /** A dimension set: metrics are aggregated by these dimensions together. */
    EmfDocument dimensionSet(String... names) {
        dimensionSets.add(List.of(names));
        return this;
    }

    EmfDocument dimension(String name, String value) {
        dimensions.put(name, value);
        return this;
    }

    EmfDocument metric(String name, String unit, double value) {
        return metric(name, unit, List.of(value));
    }

    /** A metric with several values (at most {@link #MAX_VALUES}), e.g. one latency per call. */
    EmfDocument metric(String name, String unit, List<Double> metricValues) {
        if (metricValues.isEmpty() || metricValues.size() > MAX_VALUES) {
            throw new IllegalArgumentException(name + ": 1 to " + MAX_VALUES + " values, not " + metricValues.size());
        }
        if (!units.containsKey(name) && units.size() == MAX_METRICS) {
            throw new IllegalArgumentException("more than " + MAX_METRICS + " metrics in one document");
        }
        units.put(name, unit);
        values.put(name, List.copyOf(metricValues));
        return this;
    }

    /** A member that is searchable in the logs but is not a dimension (no metric is split by it). */
    EmfDocument property(String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    /** The document as one line of JSON. */
    String toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestamp);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode sets = directive.putArray("Dimensions");
        for (List<String> set : dimensionSets) {
            ArrayNode names = sets.addArray();
            set.forEach(names::add);
        }
        ArrayNode metrics = directive.putArray("Metrics");
        units.forEach((name, unit) -> metrics.addObject().put("Name", name).put("Unit", unit));
        dimensions.forEach(root::put);
        values.forEach((name, list) -> {
            if (list.size() == 1) {
                putNumber(root, name, list.get(0));
            } else {
                ArrayNode array = root.putArray(name);
                list.forEach(value -> addNumber(array, value));
            }
        });
        properties.forEach(root::put);
        return root.toString();
    }

    /** Whole numbers as integers ({@code 100}, not {@code 100.0}), as the specification's example writes them. */
    private static void putNumber(ObjectNode node, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(name, (long) value);
        } else {
            node.put(name, value);
        }
    }

    private static void addNumber(ArrayNode array, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            array.add(value);
        }
    }
}
