package io.qfpayreversal.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Structured log fields through the MDC: JSON logs (Lambda) show each as its own key, plain logs
 * (tests) show the message. Never put the client key, the sign string or a signature here.
 */
public final class LogFields {

    /** Keys that stay for the whole invocation; the handler clears them at its end. */
    public static final String REQUEST_ID = "AWSRequestId";
    public static final String ACTION = "action";
    public static final String SYSSN = "syssn";
    public static final String OUT_TRADE_NO = "out_trade_no";
    /** The merchant a sweep run is for: on every line of the run, its failure included. */
    public static final String MCHID = "mchid";

    private LogFields() {
    }

    /** Sets an invocation-wide field (ignored when {@code value} is null). */
    public static void put(String key, Object value) {
        if (value != null) {
            MDC.put(key, String.valueOf(value));
        }
    }

    /** An invocation-wide field, or null. */
    public static String get(String key) {
        Object value = MDC.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** Runs one log call with extra fields, then removes them. */
    public static void with(Map<String, ?> fields, Runnable log) {
        fields.forEach(LogFields::put);
        try {
            log.run();
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                fields.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        return fields;
    }

    /** The invocation's fields, to carry into worker threads. */
    public static Map<String, Object> snapshot() {
        return new LinkedHashMap<>(MDC.getMap());
    }

    public static void restore(Map<String, Object> fields) {
        MDC.clear();
        fields.forEach((k, v) -> MDC.put(k, v));
    }

    public static void clear() {
        MDC.clear();
    }
}
