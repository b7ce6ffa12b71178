package io.qfpayreversal.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One sweep run's settings: the configured defaults with the event's overrides applied. */
public record SweepRequest(Duration olderThan, Duration lookback, int maxCancellations, boolean dryRun) {

    private static final long MAX_MINUTES = 31L * 24 * 60;

    /** Reads {@code older_than_minutes}, {@code lookback_minutes}, {@code max_cancellations}, {@code dry_run}. */
    public static SweepRequest from(JsonNode overrides, QfpayConfig.Sweep defaults) {
        List<Violation> violations = new ArrayList<>();
        JsonNode in = overrides != null && overrides.isObject() ? overrides : null;
        Long olderThan = minutes(in, "older_than_minutes", 1, violations);
        Long lookback = minutes(in, "lookback_minutes", 1, violations);
        Long max = minutes(in, "max_cancellations", 0, violations);
        Boolean dryRun = null;
        JsonNode dry = in == null ? null : in.get("dry_run");
        if (dry != null && !dry.isNull()) {
            if (dry.isBoolean()) {
                dryRun = dry.booleanValue();
            } else {
                violations.add(new Violation("dry_run", "must be true or false"));
            }
        }
        SweepRequest request = new SweepRequest(
                olderThan != null ? Duration.ofMinutes(olderThan) : defaults.olderThan(),
                lookback != null ? Duration.ofMinutes(lookback) : defaults.lookback(),
                max != null ? max.intValue() : defaults.maxCancellations(),
                Boolean.TRUE.equals(dryRun));
        if (violations.isEmpty() && request.lookback().compareTo(request.olderThan()) <= 0) {
            violations.add(new Violation("lookback_minutes", "must be greater than older_than_minutes"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request;
    }

    private static Long minutes(JsonNode in, String field, long min, List<Violation> violations) {
        JsonNode node = in == null ? null : in.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                || node.longValue() > MAX_MINUTES) {
            violations.add(new Violation(field, "must be a whole number from " + min + " to " + MAX_MINUTES));
            return null;
        }
        return node.longValue();
    }
}
