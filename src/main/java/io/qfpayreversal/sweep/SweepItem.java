package io.qfpayreversal.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One candidate of a sweep and what became of it. {@code mchid} is the merchant swept (as in
 * {@link SweepSummary}); {@code status} is a {@code reverse} status, or {@code FAILED} (an error;
 * {@code message} names it), {@code SKIPPED} or {@code CANDIDATE} (dry run).
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SweepItem(String mchid, String syssn, String outTradeNo, String payType, Long txamt, String status,
        String respcd, String message) {

    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";
    public static final String CANDIDATE = "CANDIDATE";
}
