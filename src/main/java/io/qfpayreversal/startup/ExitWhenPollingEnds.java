package io.qfpayreversal.startup;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Ends the process with status 1 once nothing polls Lambda's Runtime API any more (it went away, or
 * it refused the runtime), so that Lambda replaces the environment at once instead of waiting out
 * its own time-out. Neither runtime does this by itself:
 * <ul>
 * <li>JVM package: the runtime interface client polls on the thread that started Quarkus and lets
 * that thread die when a poll fails. Nothing stops Quarkus, so Vert.x's event-loop threads (not
 * daemons) keep the JVM up. A daemon thread waits for that thread to end, then exits; the exit runs
 * Quarkus's shutdown hook.</li>
 * <li>Native bootstrap: Quarkus's poll loop stops the application from its own thread, while the
 * main thread waits for an exit request that never comes. The stop asks for that exit.</li>
 * </ul>
 * What the JVM's shutdown began (SIGTERM: Lambda retiring the environment) is left alone. Production
 * only: tests start and stop the application themselves.
 */
@ApplicationScoped
class ExitWhenPollingEnds {

    private static final Logger LOG = Logger.getLogger(ExitWhenPollingEnds.class);
    private static final int STATUS = 1;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || quarkusOwnsMain()) {
            return;
        }
        Thread poller = Thread.currentThread(); // the runtime client's loop, starting Quarkus through its handler
        Thread watch = new Thread(() -> exitWhenEnded(poller), "runtime-loop-watch");
        watch.setDaemon(true);
        watch.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && quarkusOwnsMain()
                && !ApplicationLifecycleManager.isVmShuttingDown()) {
            // A warning: the poll loop has logged its error, and an error logged during a stop reads as after it.
            LOG.warnf("The Lambda poll loop stopped the application: exiting with %d", STATUS);
            Quarkus.asyncExit(STATUS); // Quarkus's main thread finishes the stop, then exits with it
        }
    }

    /** Quarkus's own main ({@code ApplicationLifecycleManager.run}) runs the application, not a handler wrapper. */
    private static boolean quarkusOwnsMain() {
        return ApplicationLifecycleManager.getCurrentApplication() != null;
    }

    private static void exitWhenEnded(Thread poller) {
        try {
            poller.join();
        } catch (InterruptedException e) {
            return;
        }
        if (!JvmShutdown.inProgress()) {
            LOG.errorf("The Lambda runtime loop ended (thread %s): exiting with %d", poller.getName(), STATUS);
            System.exit(STATUS);
        }
    }
}
