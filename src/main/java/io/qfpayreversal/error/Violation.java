package io.qfpayreversal.error;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem with one input field: {@code field} names it as the caller spelled it. */
@RegisterForReflection
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
