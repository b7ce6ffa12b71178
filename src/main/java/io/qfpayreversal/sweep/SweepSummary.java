package io.qfpayreversal.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The sweep's answer (docs/contract.md). {@code mchid} is the merchant swept: the one the request
 * named, else the configured one, else {@code null} (the app code's own). {@code items} is capped;
 * the counts are exact.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SweepSummary(String mchid, int scanned, int candidates, int reversed, int closed, int processing,
        int refundRequired, int failed, int skipped, boolean dryRun, boolean truncated, List<SweepItem> items) {

    static SweepSummary of(String mchid, int scanned, List<SweepItem> items, boolean dryRun, boolean truncated,
            int maxItems) {
        return new SweepSummary(mchid, scanned, items.size(), count(items, "REVERSED"), count(items, "CLOSED"),
                count(items, "PROCESSING"), count(items, "REFUND_REQUIRED"),
                count(items, SweepItem.FAILED) + count(items, "NOT_FOUND") + count(items, "REJECTED"),
                count(items, SweepItem.SKIPPED), dryRun, truncated,
                List.copyOf(items.subList(0, Math.min(maxItems, items.size()))));
    }

    private static int count(List<SweepItem> items, String status) {
        return (int) items.stream().filter(item -> status.equals(item.status())).count();
    }
}
