package io.qfpayreversal.simulator;

import java.time.Instant;
import java.util.Map;

/** One request the simulator received, as sent (signature included, for leak checks), and when. */
public record RecordedCall(String method, String operation, Map<String, String> params, String appCode,
        String signType, String sign, String respcd, Instant at) {
}
