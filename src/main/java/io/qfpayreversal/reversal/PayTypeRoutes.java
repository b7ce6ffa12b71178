package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.qfpay.CancelOperation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** Which cancel a pay type takes: reversal or close, from the configured tables. */
@ApplicationScoped
public class PayTypeRoutes {

    private final Set<String> reversal;
    private final Set<String> close;

    PayTypeRoutes(QfpayConfig config) {
        this.reversal = Set.copyOf(config.reversalPayTypes());
        this.close = Set.copyOf(config.closePayTypes());
    }

    /**
     * The cancel for {@code payType}; reversal when the pay type is unknown to both caller and
     * QFPay (the guide's default), empty when the pay type is in neither table.
     */
    public Optional<CancelOperation> operationFor(String payType) {
        if (payType == null || reversal.contains(payType)) {
            return Optional.of(CancelOperation.REVERSAL);
        }
        return close.contains(payType) ? Optional.of(CancelOperation.CLOSE) : Optional.empty();
    }
}
