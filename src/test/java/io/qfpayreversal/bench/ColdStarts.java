package io.qfpayreversal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts, interleaved: launch i of every variant before launch i + 1 of any, so that the
 * machine's noise falls on all alike. Each launch's first event is a reverse (the SSM load, three
 * QFPay calls); right after its answer, before the process is stopped, what it took to get there.
 */
final class ColdStarts {

    private ColdStarts() {
    }

    static Map<Variant, List<ColdStart>> measure(List<Variant> variants, int launches, LaunchSettings settings,
            Payments payments) throws Exception {
        Map<Variant, List<ColdStart>> byVariant = new LinkedHashMap<>();
        variants.forEach(variant -> byVariant.put(variant, new ArrayList<>()));
        for (int launch = 1; launch <= launches; launch++) {
            StringBuilder line = new StringBuilder("Cold start " + launch + "/" + launches + ":");
            for (Variant variant : variants) {
                ColdStart coldStart = launch(variant, String.valueOf(launch), settings, payments);
                byVariant.get(variant).add(coldStart);
                line.append(String.format(" %s %.0f ms, %s;", variant.name(), coldStart.firstAnswerMillis(),
                        coldStart.jvm().map(jvm -> jvm.gc().metadataFullGcs() + " metadata full GCs").orElse("no JVM")));
            }
            System.out.println(line);
        }
        return byVariant;
    }

    private static ColdStart launch(Variant variant, String launch, LaunchSettings settings, Payments payments)
            throws Exception {
        String event = payments.reverseEvent();
        try (LambdaEnvironment environment = settings.launch(variant, launch)) {
            RuntimeApiEmulator.Answer answer = environment.invoke(event);
            ColdStart coldStart = environment.coldStart();
            Payments.expect(answer, "REVERSED");
            return coldStart;
        }
    }
}
