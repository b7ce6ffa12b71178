package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.error.Violation;
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
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The cancel decision, a loop over QFPay's own rows: query, and while the deciding row can still be
 * cancelled, send the cancel its pay type takes, then query again. Answers that do not settle the
 * outcome (processing, duplicate, "already cancelled", busy, lost) are settled by querying, never
 * taken as the verdict; the verdict comes from the row ({@link Verdict}), with one rule on top: no
 * refund is advised while a cancel this call sent may still apply.
 */
@ApplicationScoped
public class ReversalService {

    private static final Logger LOG = Logger.getLogger(ReversalService.class);

    private final CredentialsProvider credentials;
    private final PaymentLookup lookup;
    private final PayTypeRoutes routes;
    private final QfpayGateway gateway;
    private final QfpayConfig config;
    private final Pause pause;
    private final Jitter jitter;

    ReversalService(CredentialsProvider credentials, PaymentLookup lookup, PayTypeRoutes routes,
            QfpayGateway gateway, QfpayConfig config, Pause pause, Jitter jitter) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.routes = routes;
        this.gateway = gateway;
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
        SentCancels sent = new SentCancels();
        PollSchedule polls = new PollSchedule(config, session.deadline());
        while (true) {
            PaymentLookup.Found found = find(request, session, sent);
            if (found == null) {
                return confirmedUnread(request, sent.anyConfirmed());
            }
            PaymentRow row = found.payments().deciding();
            ReversalResult.Builder result = ReversalResult.builder(request).payment(row);
            if (found.refused() || row == null) {
                result.answered(found.answer().respcd(), found.answer().resperr(), found.answer().respmsg());
                if (sent.anyMayApply()) {
                    return Verdict.unsettled(result, "QFPay no longer lists the payment, and a cancel this call"
                            + " sent may still apply.");
                }
                return found.refused()
                        ? result.build(ReversalStatus.REJECTED, "QFPay refused to look up the payment; nothing was cancelled.")
                        : result.build(ReversalStatus.NOT_FOUND, "QFPay has no payment with " + request.displayId() + ".");
            }
            PaymentState state = PaymentState.of(row);
            SentCancels.Sent ours = sent.of(row.syssn());
            if (!state.cancellable()) {
                return Verdict.of(state, ours, result);
            }
            if (ours != null && ours.pollOnly()) {
                if (!polls.waitForNext(pause)) {
                    return Verdict.notSettledInTime(ours, result);
                }
                continue;
            }
            if (ours != null && ours.attempts() >= config.maxAttempts()) {
                throw unknownOutcome(request, ours.last());
            }
            ReversalResult decided = cancel(request, row, sent, session, result);
            if (decided != null) {
                return decided;
            }
        }
    }

    /** The lookup, or {@code null} when it failed after QFPay confirmed a cancel with 0000. */
    private PaymentLookup.Found find(ReversalRequest request, QfpaySession session, SentCancels sent) {
        try {
            return lookup.find(request, session);
        } catch (QfpayUnavailableException e) {
            if (sent.anyConfirmed() == null) {
                throw e;
            }
            LOG.warnf("query after a confirmed cancel of %s failed: %s", request.displayId(), e.getMessage());
            return null;
        }
    }

    /**
     * Sends the cancel {@code row} takes; returns the answer when that settles it, or {@code null}
     * to query again (at once after a 0000, after a wait otherwise).
     */
    private ReversalResult cancel(ReversalRequest request, PaymentRow row, SentCancels sent, QfpaySession session,
            ReversalResult.Builder result) {
        String payType = payType(request, row);
        CancelOperation operation = routes.operationFor(payType).orElse(null);
        SentCancels.Sent before = sent.of(row.syssn());
        if (operation == null) {
            return before != null && before.mayApply()
                    ? Verdict.unsettled(result, "A cancel this call sent may still apply.")
                    : result.build(ReversalStatus.REJECTED, "Pay type " + payType
                            + " is in neither the reversal nor the close table; nothing was sent.");
        }
        CancelAnswer answer = gateway.cancel(operation, cancelParams(request, row), session);
        SentCancels.Sent now = sent.record(row.syssn(), answer);
        if (!answer.answered()) {
            return afterNoAnswer(request, answer, now, session, result);
        }
        result.cancel(answer);
        return switch (answer.meaning()) {
            case SUCCESS -> config.confirmAfterCancel() ? null
                    : result.build(Verdict.cancelled(operation), "QFPay confirmed the " + operation.wireName() + ".");
            case PROCESSING, UNSETTLED, ALREADY_CANCELLED -> null;
            case COMPLETED -> Verdict.of(PaymentState.PAID, now, result);
            case NOT_FOUND -> now.mayApply() ? Verdict.unsettled(result, "A cancel this call sent may still apply.")
                    : result.build(ReversalStatus.NOT_FOUND, "QFPay found no payment to " + operation.wireName() + ".");
            default -> now.mayApply() ? Verdict.unsettled(result, "A cancel this call sent may still apply.")
                    : result.build(ReversalStatus.REJECTED, "QFPay refused the " + operation.wireName()
                            + Verdict.refusal(answer.meaning()));
        };
    }

    /**
     * A cancel got no usable answer: QFPay may or may not have acted. Wait, then query before
     * anything is sent again; answer now when no query fits before the deadline.
     */
    private ReversalResult afterNoAnswer(ReversalRequest request, CancelAnswer answer, SentCancels.Sent now,
            QfpaySession session, ReversalResult.Builder result) {
        Deadline deadline = session.deadline();
        if (!deadline.allowsCallAfter(Duration.ZERO)) {
            if (now.mayApply()) {
                return Verdict.unsettled(result.sent(answer.operation()), "The " + answer.operation().wireName()
                        + " got no answer and no time is left to query it; it may still apply.");
            }
            throw unknownOutcome(request, answer);
        }
        Duration wait = RetryPolicy.delay(now.attempts(), config.retryBaseDelay(), config.retryMaxDelay(), null,
                jitter.next());
        if (!deadline.allowsCallAfter(wait)) {
            wait = Duration.ZERO;
        }
        LOG.infof("%s of %s has an unknown outcome (%s); querying again in %d ms", answer.operation().wireName(),
                request.displayId(), answer.fault(), wait.toMillis());
        pause.pause(wait);
        return null;
    }

    /** The payment's own pay type decides the cancel; an input that contradicts it is refused. */
    private static String payType(ReversalRequest request, PaymentRow row) {
        if (request.payType() != null && row.payType() != null && !request.payType().equals(row.payType())) {
            throw new InvalidRequestException(List.of(new Violation("pay_type", "is " + request.payType()
                    + " but QFPay files the payment as " + row.payType() + "; leave it out or send the payment's own")));
        }
        return row.payType() != null ? row.payType() : request.payType();
    }

    /** Each attempt is cancelled under its own serial and time; the amount is the caller's. */
    private static WireParams cancelParams(ReversalRequest request, PaymentRow row) {
        return new WireParams()
                .put("syssn", row.syssn() != null ? row.syssn() : request.syssn())
                .put("out_trade_no", request.outTradeNo())
                .put("txamt", String.valueOf(request.txamt()))
                .put("txdtm", row.txdtm() != null ? row.txdtm() : request.txdtm())
                .put("mchid", request.mchid())
                .put("udid", request.udid());
    }

    private static ReversalResult confirmedUnread(ReversalRequest request, SentCancels.Sent confirmed) {
        CancelOperation operation = confirmed.operation();
        return ReversalResult.builder(request).cancel(confirmed.last()).build(Verdict.cancelled(operation),
                "QFPay confirmed the " + operation.wireName() + "; the confirming query failed, so check with"
                        + " action status.");
    }

    private static QfpayUnavailableException unknownOutcome(ReversalRequest request, CancelAnswer answer) {
        return new QfpayUnavailableException("QFPay " + answer.operation().wireName() + " for "
                + request.displayId() + " got no usable answer (" + answer.failure() + "); its outcome is"
                + " unknown. Retrying is safe: the payment is queried before anything is sent.",
                answer.fault() == RetryPolicy.Fault.TIMED_OUT || answer.fault() == RetryPolicy.Fault.NO_TIME);
    }
}
