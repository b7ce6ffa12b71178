package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GC pauses in a {@code -Xlog:gc} file so far: how many, their total time, and how many were
 * full collections for metaspace ({@code Pause Full (Metadata GC Threshold)}).
 */
record GcPauses(int count, double totalMillis, int metadataFullGcs) {

    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");
    private static final String METADATA_FULL_GC = "Pause Full (Metadata GC Threshold)";

    static GcPauses inLog(Path log) throws IOException {
        int count = 0;
        double totalMillis = 0;
        int metadataFullGcs = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                count++;
                totalMillis += Double.parseDouble(pause.group(1));
                metadataFullGcs += line.contains(METADATA_FULL_GC) ? 1 : 0;
            }
        }
        return new GcPauses(count, totalMillis, metadataFullGcs);
    }
}
