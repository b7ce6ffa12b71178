package io.qfpayreversal.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

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
}
