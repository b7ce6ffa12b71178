package io.qfpayreversal.time;

import java.time.Duration;

/** Waits between polls. A port so tests can count waits instead of sleeping. */
@FunctionalInterface
public interface Pause {

    void pause(Duration duration);
}
