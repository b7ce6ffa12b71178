package io.qfpayreversal.reversal;

import java.util.Locale;

/** What a direct invocation asks for; {@code reverse} when the input names none. */
public enum Action {
    REVERSE,
    STATUS,
    SWEEP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
