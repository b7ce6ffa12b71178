package io.qfpayreversal.qfpay;

import java.util.Map;
import java.util.Set;

/**
 * The one table from QFPay's {@code respcd} to what it means for a cancel. Codes not listed are
 * {@link #REFUSED}. docs/failure-handling.md lists them (RespcdCodesDocTest keeps the two equal).
 */
public enum RespcdMeaning {
    SUCCESS,
    PROCESSING,
    ALREADY_CANCELLED,
    COMPLETED,
    NOT_FOUND,
    BAD_SIGNATURE,
    NOT_SUPPORTED,
    BUSY,
    /** 1101, 1102 (duplicate: another cancel of the payment is in flight): the cancel may still apply. */
    UNSETTLED,
    REFUSED,
    /** No {@code respcd} at all: the call got no usable answer, so its outcome is unknown. */
    OUTCOME_UNKNOWN;

    private static final Map<String, RespcdMeaning> TABLE = Map.ofEntries(
            Map.entry("0000", SUCCESS),
            Map.entry("1143", PROCESSING),
            Map.entry("1145", PROCESSING),
            Map.entry("1298", PROCESSING),
            Map.entry("1161", PROCESSING),
            Map.entry("2999", PROCESSING),
            Map.entry("1142", ALREADY_CANCELLED),
            Map.entry("1263", ALREADY_CANCELLED),
            Map.entry("1264", ALREADY_CANCELLED),
            Map.entry("1260", COMPLETED),
            Map.entry("1136", NOT_FOUND),
            Map.entry("1268", NOT_FOUND),
            Map.entry("1108", BAD_SIGNATURE),
            Map.entry("2003", BAD_SIGNATURE),
            Map.entry("1150", NOT_SUPPORTED),
            Map.entry("1100", BUSY),
            Map.entry("1205", BUSY),
            Map.entry("1295", BUSY),
            Map.entry("1296", BUSY),
            Map.entry("1101", UNSETTLED),
            Map.entry("1102", UNSETTLED));

    /** 1297 means "busy" on a reversal but "not supported" on a close. */
    private static final String BUSY_OR_UNSUPPORTED = "1297";

    private static final Set<String> UNDETERMINED_PAYMENT = Set.of("1143", "1145");

    /** The meaning of an answer to {@code operation}; {@code null} for a query. */
    public static RespcdMeaning of(String respcd, CancelOperation operation) {
        if (respcd == null) {
            return OUTCOME_UNKNOWN;
        }
        if (BUSY_OR_UNSUPPORTED.equals(respcd)) {
            return operation == CancelOperation.CLOSE ? NOT_SUPPORTED : BUSY;
        }
        return TABLE.getOrDefault(respcd, REFUSED);
    }

    /** Whether a payment row's {@code respcd} says the payment itself is still undetermined. */
    public static boolean isUndeterminedPayment(String respcd) {
        return UNDETERMINED_PAYMENT.contains(respcd);
    }
}
