package io.qfpayreversal.metrics;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where EMF lines go. In Lambda that is standard output, as a bare JSON line: the log formatter
 * would nest the document inside its own {@code message}, and CloudWatch extracts metrics only
 * from a log event that is the document itself.
 */
@FunctionalInterface
interface EmfSink {

    void write(String line);

    /** One write of the whole line and its newline, so a runtime that frames writes keeps it one event. */
    EmfSink STANDARD_OUTPUT = line -> {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        PrintStream out = System.out;
        synchronized (out) {
            out.write(bytes, 0, bytes.length);
            out.flush();
        }
    };
}
