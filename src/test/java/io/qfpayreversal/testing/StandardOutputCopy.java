package io.qfpayreversal.testing;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Copies this JVM's standard output to a file from now on. Quarkus's integration-test launcher
 * relays a native binary's standard output to ours; with this copy a test can read the function's
 * own lines (its EMF lines, which bypass the log formatter) as the JVM package's log file holds them.
 */
public final class StandardOutputCopy {

    private StandardOutputCopy() {
    }

    public static synchronized void to(Path file) throws IOException {
        OutputStream copy = new FileOutputStream(file.toFile(), true);
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                original.flush();
                copy.flush();
            }
        }, true));
    }
}
