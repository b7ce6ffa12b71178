package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place that decides for which merchants a caller may act. Direct invocations get
 * {@code QFPAY_ALLOWED_MCHIDS}; API callers get their {@code QFPAY_CALLER_MCHIDS} entry when that is
 * set (none: only the configured merchant), else {@code QFPAY_ALLOWED_MCHIDS}. Unset, a request may
 * name only the configured merchant (SSM {@code <path>/mchid} or {@code QFPAY_MCHID}).
 */
@ApplicationScoped
public class MerchantPolicy {

    private static final String ANY = "*";

    private final QfpayConfig config;
    private final Supplier<String> configured;

    MerchantPolicy(QfpayConfig config, CredentialsProvider credentials) {
        this.config = config;
        this.configured = () -> credentials.openSession().current().mchid();
    }

    /** The scope of a direct invocation (Step Functions, the CLI). */
    public MerchantScope direct() {
        return scope(config.allowedMchids().orElse(List.of()), "QFPAY_ALLOWED_MCHIDS");
    }

    /** The scope of an API caller, by the ARN API Gateway's IAM authorisation put in the request context. */
    public MerchantScope apiCaller(String callerArn) {
        if (config.callerMchids().isEmpty()) {
            return direct();
        }
        Map<String, List<String>> entries = entries(config.callerMchids().get());
        List<String> mchids = List.of();
        if (callerArn != null) {
            for (Map.Entry<String, List<String>> entry : entries.entrySet()) {
                if (covers(entry.getKey(), callerArn)) {
                    mchids = entry.getValue();
                    break;
                }
            }
        }
        return scope(mchids, "QFPAY_CALLER_MCHIDS");
    }

    /** An entry names the caller exactly, or names an assumed role and the caller is one of its sessions. */
    private static boolean covers(String principal, String callerArn) {
        if (principal.equals(callerArn)) {
            return true;
        }
        return principal.contains(":assumed-role/") && principal.indexOf('/') == principal.lastIndexOf('/')
                && callerArn.startsWith(principal + "/");
    }

    private MerchantScope scope(List<String> mchids, String setting) {
        Set<String> listed = new HashSet<>();
        for (String mchid : mchids) {
            String trimmed = mchid.trim();
            if (ANY.equals(trimmed)) {
                return new MerchantScope(true, Set.of(), configured);
            }
            if (!RequestValidator.wellFormedMchid(trimmed)) {
                throw new ConfigurationException(setting + " lists a merchant id that is not 1 to 16 letters or digits");
            }
            listed.add(trimmed);
        }
        return new MerchantScope(false, listed, configured);
    }

    private static Map<String, List<String>> entries(String text) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new ConfigurationException("QFPAY_CALLER_MCHIDS entries must read <caller ARN>=<mchid>[,<mchid>...]"
                        + " or <caller ARN>=*, separated by ;");
            }
            entries.put(entry.substring(0, equals).trim(), List.of(entry.substring(equals + 1).split(",")));
        }
        return entries;
    }
}
