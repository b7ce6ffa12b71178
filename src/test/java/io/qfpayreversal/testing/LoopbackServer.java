package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on 127.0.0.1, answering as a production server does. */
public final class LoopbackServer {

    private LoopbackServer() {
    }

    /**
     * Creates (not starts) a server on {@code port} (0 for any free port). TCP_NODELAY is set on
     * its connections, as nginx and other front ends do: without it, a kept-alive client waits
     * for the delayed ACK (40 ms on Linux) on every answer the JDK server writes in two parts.
     */
    public static HttpServer create(int port) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    }

    /**
     * A started server on a free port, {@code handler} at {@code path}, its exchanges handled on
     * daemon threads (a handler may wait, as a long poll or a silent peer does); end it with
     * {@link #stop(HttpServer)}.
     */
    public static HttpServer start(String path, HttpHandler handler) throws IOException {
        HttpServer server = create(0);
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "loopback-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(path, handler);
        server.start();
        return server;
    }

    /** Stops a server from {@link #start} and interrupts the handlers still waiting. */
    public static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
