package io.qfpayreversal.startup;

/** Whether the JVM's shutdown has begun, as the JDK tells it: it refuses new shutdown hooks then. */
final class JvmShutdown {

    private JvmShutdown() {
    }

    static boolean inProgress() {
        Thread probe = new Thread(() -> { }, "shutdown-probe"); // never started unless the shutdown begins meanwhile
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
