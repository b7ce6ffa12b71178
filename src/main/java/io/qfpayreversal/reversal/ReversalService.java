package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.CancelAnswer;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpayGateway;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.qfpay.WireParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The cancel decision. It queries first, so a retried call never cancels twice and a completed
 * payment is never sent a reversal; it reports a cancel only when QFPay confirmed it.
 */
@ApplicationScoped
public class ReversalService {

    private static final Logger LOG = Logger.getLogger(ReversalService.class);

    private final CredentialsProvider credentials;
    private final PaymentLookup lookup;
    private final PayTypeRoutes routes;
    private final QfpayGateway gateway;
    private final CancelPoller poller;
    private final QfpayConfig config;

    ReversalService(CredentialsProvider credentials, PaymentLookup lookup, PayTypeRoutes routes,
            QfpayGateway gateway, CancelPoller poller, QfpayConfig config) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.routes = routes;
        this.gateway = gateway;
        this.poller = poller;
        this.config = config;
    }

    public ReversalResult reverse(ReversalRequest request, Deadline deadline) {
        return reverse(request, deadline, QfpaySession.of(credentials.openSession()));
    }

    /** Reverses within a session shared with other calls (the sweep's throttle and credentials). */
    public ReversalResult reverse(ReversalRequest request, Deadline deadline, QfpaySession session) {
        ReversalResult.Builder result = ReversalResult.builder(request);
        PaymentLookup.Found found = lookup.find(request, session);
        if (found.refused()) {
            return result.answered(found.answer().respcd(), found.answer().resperr(), found.answer().respmsg())
                    .build(ReversalStatus.REJECTED, "QFPay refused to look up the payment; nothing was cancelled.");
        }
        PaymentRow row = found.row();
        if (row == null) {
            return result.answered(found.answer().respcd(), found.answer().resperr(), found.answer().respmsg())
                    .build(ReversalStatus.NOT_FOUND, "QFPay has no payment with " + request.displayId() + ".");
        }
        result.payment(row);
        if (row.isCancelled()) {
            return Outcomes.alreadyCancelled(row, result);
        }
        if (row.isPaid()) {
            return result.build(ReversalStatus.REFUND_REQUIRED,
                    "The payment completed, so it cannot be reversed: refund it instead.");
        }
        String payType = request.payType() != null ? request.payType() : row.payType();
        Optional<CancelOperation> operation = routes.operationFor(payType);
        if (operation.isEmpty()) {
            return result.build(ReversalStatus.REJECTED, "Pay type " + payType
                    + " is in neither the reversal nor the close table; nothing was sent.");
        }
        CancelAnswer answer = gateway.cancel(operation.get(), cancelParams(request, row), session);
        result.cancel(answer);
        return switch (answer.meaning()) {
            case SUCCESS -> confirm(request, answer, result, session);
            case PROCESSING -> awaitProcessing(request, answer, result, session, deadline);
            case ALREADY_CANCELLED -> result.alreadyCancelled().build(Outcomes.cancelled(answer.operation()),
                    "QFPay had already cancelled this payment; nothing new was cancelled.");
            case COMPLETED -> result.build(ReversalStatus.REFUND_REQUIRED,
                    "QFPay says the payment completed, so it cannot be reversed: refund it instead.");
            case NOT_FOUND -> result.build(ReversalStatus.NOT_FOUND,
                    "QFPay found no payment to " + answer.operation().wireName() + ".");
            case BUSY -> throw new QfpayUnavailableException("QFPay is busy (respcd " + answer.respcd()
                    + "); nothing was cancelled, retry later");
            case NOT_SUPPORTED -> result.build(ReversalStatus.REJECTED,
                    "QFPay cannot " + answer.operation().wireName() + " this payment (not supported).");
            default -> result.build(ReversalStatus.REJECTED, "QFPay refused the " + answer.operation().wireName()
                    + "; see respcd and resperr.");
        };
    }

    private static WireParams cancelParams(ReversalRequest request, PaymentRow row) {
        return new WireParams()
                .put("syssn", request.syssn() != null ? request.syssn() : row.syssn())
                .put("out_trade_no", request.outTradeNo())
                .put("txamt", String.valueOf(request.txamt()))
                .put("txdtm", request.txdtm())
                .put("mchid", request.mchid())
                .put("udid", request.udid());
    }

    private ReversalResult confirm(ReversalRequest request, CancelAnswer answer, ReversalResult.Builder result,
            QfpaySession session) {
        if (answer.operation() == CancelOperation.CLOSE && answer.syssn() == null) {
            return result.build(ReversalStatus.REJECTED,
                    "QFPay answered the close without a close serial: the channel does not support cancelling.");
        }
        ReversalStatus done = Outcomes.cancelled(answer.operation());
        if (!config.confirmAfterCancel()) {
            return result.build(done, "QFPay confirmed the " + answer.operation().wireName() + ".");
        }
        try {
            PaymentRow now = lookup.find(request, session).row();
            if (now != null && now.isPaid()) {
                return result.build(ReversalStatus.REFUND_REQUIRED, "QFPay accepted the "
                        + answer.operation().wireName() + ", but the payment now shows as completed and not"
                        + " cancelled: the customer paid in between. Refund it.");
            }
        } catch (QfpayUnavailableException e) {
            LOG.warnf("confirming query for %s failed: %s", request.displayId(), e.getMessage());
            return result.build(done, "QFPay confirmed the " + answer.operation().wireName()
                    + "; the confirming query failed, so check with action status.");
        }
        return result.build(done, "QFPay confirmed the " + answer.operation().wireName() + ".");
    }

    private ReversalResult awaitProcessing(ReversalRequest request, CancelAnswer answer,
            ReversalResult.Builder result, QfpaySession session, Deadline deadline) {
        PaymentRow cancelled = poller.awaitCancelled(request, session, deadline);
        if (cancelled == null) {
            return result.retryable().build(ReversalStatus.PROCESSING, "QFPay is still processing the "
                    + answer.operation().wireName() + "; ask again later with action status.");
        }
        return result.answered(cancelled.respcd(), cancelled.errmsg(), null)
                .build(Outcomes.cancelled(answer.operation()), "QFPay confirmed the "
                        + answer.operation().wireName() + " after processing it.");
    }
}
