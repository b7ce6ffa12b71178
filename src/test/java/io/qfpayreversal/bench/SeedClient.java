package io.qfpayreversal.bench;

import io.qfpayreversal.simulator.SimPayment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline: the seed guide's own Python client ({@code scripts/seed_client.py}: its
 * {@code make_req_sign} and {@code requests.post}), one reversal per call, on the same simulator.
 */
record SeedClient(String baseUrl, String appCode, String key, Path dir) {

    /** Reverses the payments in order, one call each; returns each call's latency. */
    Samples reverse(List<SimPayment> payments) throws Exception {
        Path list = dir.resolve("seed-payments.tsv");
        Files.write(list, payments.stream().map(p -> p.syssn() + "\t" + p.txamt() + "\t" + p.txdtm()).toList());
        Process python = new ProcessBuilder("python3", "scripts/seed_client.py", baseUrl, appCode, key, list.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] lines = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        if (python.waitFor() != 0 || lines.length != payments.size()) {
            throw new IllegalStateException("the seed client failed after " + lines.length + " reversals");
        }
        Samples samples = new Samples();
        for (String line : lines) {
            samples.add(Double.parseDouble(line));
        }
        return samples;
    }
}
