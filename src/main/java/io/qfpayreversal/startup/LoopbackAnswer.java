package io.qfpayreversal.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few-shot HTTP answer on 127.0.0.1 for priming: it reads a request and answers it with a fixed
 * JSON body (QFPay-shaped, or DynamoDB's empty answer), one connection per request, then closes.
 * Nothing leaves the machine.
 */
final class LoopbackAnswer implements AutoCloseable {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)");

    private final ServerSocket socket;

    private LoopbackAnswer(ServerSocket socket, String json, int times) {
        this.socket = socket;
        Thread thread = new Thread(() -> {
            for (int i = 0; i < times && !socket.isClosed(); i++) {
                answerOnce(json);
            }
        }, "priming-loopback");
        thread.setDaemon(true);
        thread.start();
    }

    static LoopbackAnswer start(String json) throws IOException {
        return start(json, 1);
    }

    /** Answers up to {@code times} requests, each on its own connection. */
    static LoopbackAnswer start(String json, int times) throws IOException {
        return new LoopbackAnswer(new ServerSocket(0, times, InetAddress.getLoopbackAddress()), json, times);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void answerOnce(String json) {
        try (Socket connection = socket.accept()) {
            connection.setSoTimeout(5_000);
            skipRequest(connection.getInputStream());
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The priming call then fails; priming is best effort.
        }
    }

    /** Reads the request: its head up to the blank line, then as many body bytes as it declares. */
    private static void skipRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
            head.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        long body = length.find() ? Long.parseLong(length.group(1)) : 0;
        while (body > 0 && in.read() != -1) {
            body--;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
