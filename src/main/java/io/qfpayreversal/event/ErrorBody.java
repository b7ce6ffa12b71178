package io.qfpayreversal.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.qfpayreversal.error.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The JSON body of an API error: a stable code, a sentence, and per-field violations for 400s. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, List<Violation> violations, Boolean retryable) {
}
