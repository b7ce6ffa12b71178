package io.qfpayreversal.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.reversal.MerchantScope;
import io.qfpayreversal.reversal.RequestValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One sweep run's settings: the configured ones, which overrides may only make more cautious, and
 * the sub-merchant to sweep ({@code mchid}, {@code null}: the configured merchant). A function where
 * the sweep is not enabled refuses every sweep.
 */
public record SweepRequest(Duration olderThan, Duration lookback, int maxCancellations, boolean dryRun,
        String mchid) {

    private static final Logger LOG = Logger.getLogger(SweepRequest.class);
    private static final long MAX_MINUTES = 31L * 24 * 60;

    /**
     * Reads {@code older_than_minutes}, {@code lookback_minutes}, {@code max_cancellations},
     * {@code dry_run} and {@code mchid}. The threshold is never below the configured one; the
     * look-back and the cap are never above theirs; {@code mchid} is a merchant {@code merchants}
     * allows, by the rule of every other input.
     */
    public static SweepRequest from(JsonNode overrides, QfpayConfig.Sweep configured, MerchantScope merchants) {
        if (!configured.enabled()) {
            throw new InvalidRequestException(List.of(new Violation("action",
                    "sweep runs only on the sweep function (QFPAY_SWEEP_ENABLED); nothing was sent")));
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode in = overrides != null && overrides.isObject() ? overrides : null;
        Long olderThan = whole(in, "older_than_minutes", 1, MAX_MINUTES, violations);
        Long lookback = whole(in, "lookback_minutes", 1, MAX_MINUTES, violations);
        Long max = whole(in, "max_cancellations", 0, Integer.MAX_VALUE, violations);
        String mchid = in == null ? null : RequestValidator.mchid(in, merchants, violations);
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
                olderThan == null ? configured.olderThan() : max(Duration.ofMinutes(olderThan), configured.olderThan()),
                lookback == null ? configured.lookback() : min(Duration.ofMinutes(lookback), configured.lookback()),
                max == null ? configured.maxCancellations() : (int) Math.min(max, configured.maxCancellations()),
                Boolean.TRUE.equals(dryRun), mchid);
        if (violations.isEmpty() && request.lookback().compareTo(request.olderThan()) <= 0) {
            violations.add(new Violation("lookback_minutes", "must be greater than older_than_minutes"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        if (olderThan != null || lookback != null || max != null) {
            LOG.infof("sweep overrides within the configured bounds: older_than=%s lookback=%s max_cancellations=%d",
                    request.olderThan(), request.lookback(), request.maxCancellations());
        }
        return request;
    }

    private static Long whole(JsonNode in, String field, long min, long max, List<Violation> violations) {
        JsonNode node = in == null ? null : in.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                || node.longValue() > max) {
            violations.add(new Violation(field, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return node.longValue();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
