package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.CancelAnswer;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpayGateway;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.qfpay.RetryPolicy;
import io.qfpayreversal.qfpay.WireParams;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.time.Jitter;
import io.qfpayreversal.time.Pause;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The cancel decision. It queries first, so a retried call never cancels twice and a completed
 * payment is never sent a reversal; after a cancel whose outcome is unknown it queries again and
 * decides afresh; it reports a cancel only when QFPay confirmed it.
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
    private final Pause pause;
    private final Jitter jitter;

    ReversalService(CredentialsProvider credentials, PaymentLookup lookup, PayTypeRoutes routes,
            QfpayGateway gateway, CancelPoller poller, QfpayConfig config, Pause pause, Jitter jitter) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.routes = routes;
        this.gateway = gateway;
        this.poller = poller;
        this.config = config;
        this.pause = pause;
        this.jitter = jitter;
    }

    public ReversalResult reverse(ReversalRequest request, Deadline deadline) {
        return reverse(request, QfpaySession.of(credentials.openSession(), deadline));
    }

    /** Reverses within a session shared with other calls (the sweep's throttle and credentials). */
    public ReversalResult reverse(ReversalRequest request, QfpaySession session) {
        request.logIds();
        CancelAnswer unanswered = null;
        for (int attempt = 1; ; attempt++) {
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
            if (row.isCancelled() && unanswered != null) {
                return result.sent(unanswered.operation()).build(Outcomes.cancelled(unanswered.operation()), "QFPay shows the payment cancelled"
                        + " by this call's " + unanswered.operation().wireName() + ", whose answer was lost.");
            }
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
            if (answer.fault() == null) {
                return decide(request, answer, result.cancel(answer), session);
            }
            unanswered = answer;
            waitBeforeQueryingAgain(request, answer, attempt, session);
        }
    }

    /**
     * A cancel got no usable answer: QFPay may or may not have acted. Wait, then query before
     * anything is sent again; or give up with a retryable error when attempts or time run out.
     */
    private void waitBeforeQueryingAgain(ReversalRequest request, CancelAnswer answer, int attempt,
            QfpaySession session) {
        Duration wait = RetryPolicy.delay(attempt, config.retryBaseDelay(), config.retryMaxDelay(), null, jitter.next());
        RetryPolicy.Decision decision = RetryPolicy.shouldRetry(true, answer.fault(), attempt, config.maxAttempts());
        if (decision == RetryPolicy.Decision.GIVE_UP
                || !session.deadline().allows(wait.plus(gateway.callLimit().multipliedBy(2)))) {
            throw new QfpayUnavailableException("QFPay " + answer.operation().wireName() + " for "
                    + request.displayId() + " got no usable answer (" + answer.failure() + "); its outcome is"
                    + " unknown. Retrying is safe: the payment is queried before anything is sent.",
                    answer.fault() == RetryPolicy.Fault.TIMED_OUT);
        }
        LOG.infof("%s of %s has an unknown outcome (%s); querying again in %d ms", answer.operation().wireName(),
                request.displayId(), answer.fault(), wait.toMillis());
        pause.pause(wait);
    }

    private ReversalResult decide(ReversalRequest request, CancelAnswer answer, ReversalResult.Builder result,
            QfpaySession session) {
        return switch (answer.meaning()) {
            case SUCCESS -> confirm(request, answer, result, session);
            case PROCESSING -> awaitProcessing(request, answer, result, session);
            case ALREADY_CANCELLED -> result.alreadyCancelled().build(Outcomes.cancelled(answer.operation()),
                    "QFPay had already cancelled this payment; nothing new was cancelled.");
            case COMPLETED -> result.build(ReversalStatus.REFUND_REQUIRED,
                    "QFPay says the payment completed, so it cannot be reversed: refund it instead.");
            case NOT_FOUND -> result.build(ReversalStatus.NOT_FOUND,
                    "QFPay found no payment to " + answer.operation().wireName() + ".");
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
            ReversalResult.Builder result, QfpaySession session) {
        PaymentRow cancelled = poller.awaitCancelled(request, session);
        if (cancelled == null) {
            return result.retryable().build(ReversalStatus.PROCESSING, "QFPay is still processing the "
                    + answer.operation().wireName() + "; ask again later with action status.");
        }
        return result.answered(cancelled.respcd(), cancelled.errmsg(), null)
                .build(Outcomes.cancelled(answer.operation()), "QFPay confirmed the "
                        + answer.operation().wireName() + " after processing it.");
    }
}
