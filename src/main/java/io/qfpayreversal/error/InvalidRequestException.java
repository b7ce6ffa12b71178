package io.qfpayreversal.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input was invalid. Nothing was sent to QFPay; retrying the same input cannot succeed.
 * Its fully-qualified name is the Step Functions error name.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super("Invalid request: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
                null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
