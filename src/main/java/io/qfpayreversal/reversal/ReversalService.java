package io.qfpayreversal.reversal;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.ledger.CancelLedger;
import io.qfpayreversal.ledger.Claimant;
import io.qfpayreversal.ledger.LedgerEntry;
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
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The cancel decision, a loop over QFPay's own rows: query, and while the deciding row can still be
 * cancelled, send the cancel its pay type takes, then query again. Answers that do not settle the
 * outcome (processing, duplicate, "already cancelled", busy, lost) are settled by querying, never
 * taken as the verdict; the verdict comes from the row ({@link Verdict}), with one rule on top: no
 * refund is advised, and no error thrown, while a cancel this call sent may still apply; and no
 * refund is advised while a cancel another invocation recorded in the cancel ledger may still apply.
 * Every cancel is recorded in the ledger before it is sent; one another invocation has in flight is
 * not sent again but settled by querying.
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
    private final CancelLedger ledger;

    ReversalService(CredentialsProvider credentials, PaymentLookup lookup, PayTypeRoutes routes,
            QfpayGateway gateway, QfpayConfig config, Pause pause, Jitter jitter, CancelLedger ledger) {
        this.ledger = ledger;
        this.credentials = credentials;
        this.lookup = lookup;
        this.routes = routes;
        this.gateway = gateway;
        this.config = config;
        this.pause = pause;
        this.jitter = jitter;
    }

    /** {@code requestId}: the invocation's, recorded with every cancel it sends (the ledger). */
    public ReversalResult reverse(ReversalRequest request, Deadline deadline, String requestId) {
        return reverse(request, QfpaySession.of(credentials.openSession(deadline), deadline), requestId);
    }

    /** Reverses within a session shared with other calls (the sweep's throttle and credentials). */
    public ReversalResult reverse(ReversalRequest request, QfpaySession session, String requestId) {
        request.logIds();
        SentCancels sent = new SentCancels();
        LedgerClaims claims = null;
        try {
            claims = new LedgerClaims(ledger, Claimant.of(requestId),
                    LedgerClaims.merchantOf(request, session.credentials()));
            return decide(request, session, sent, claims, new PollSchedule(config, session.deadline()));
        } catch (InvalidRequestException | QfpayUnavailableException | ConfigurationException e) {
            if (!sent.anyMayApply()) {
                throw e;
            }
            // A retry that started afresh would not know of the cancel in flight: answer what is known.
            LOG.warnf("reverse of %s stopped after a cancel was sent: %s", request.displayId(), e.getMessage());
            return afterFailure(request, sent, e);
        } finally {
            if (claims != null) {
                claims.close(sent, session.deadline());
            }
        }
    }

    private ReversalResult decide(ReversalRequest request, QfpaySession session, SentCancels sent,
            LedgerClaims claims, PollSchedule polls) {
        while (true) {
            PaymentLookup.Found found = lookup.find(request, session);
            PaymentRow row = sent.seen(found.payments()).deciding(sent::awaiting);
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
                return Verdict.of(state, ours, sent.anyMayApply(), othersInFlight(state, sent, claims, found,
                        request, session.deadline()), result);
            }
            if (sent.awaiting(row)) {
                // Every open attempt has a cancel in flight (this call's, or another's): only its row can settle it now.
                if (!polls.waitForNext(pause)) {
                    return ours != null && ours.pollOnly() ? Verdict.notSettledInTime(ours, result)
                            : Verdict.othersCancel(sent.theirs(row.syssn()), result);
                }
                continue;
            }
            if (ours != null && ours.attempts() >= config.maxAttempts()) {
                throw unknownOutcome(request, ours.last());
            }
            ReversalResult decided = cancel(request, row, sent, claims, session, result);
            if (decided != null) {
                return decided;
            }
        }
    }

    /**
     * Sends the cancel {@code row} takes; returns the answer when that settles it, or {@code null}
     * to query again (at once after a 0000, after a wait otherwise).
     */
    private ReversalResult cancel(ReversalRequest request, PaymentRow row, SentCancels sent, LedgerClaims claims,
            QfpaySession session, ReversalResult.Builder result) {
        String payType = payType(request, row);
        CancelOperation operation = routes.operationFor(payType).orElse(null);
        if (operation == null) {
            return sent.anyMayApply()
                    ? Verdict.unsettled(result, "A cancel this call sent may still apply.")
                    : result.build(ReversalStatus.REJECTED, "Pay type " + payType
                            + " is in neither the reversal nor the close table; nothing was sent.");
        }
        // Recorded before it is sent; another invocation's cancel in flight is settled by querying instead.
        Optional<LedgerEntry> theirs = claims.claim(LedgerClaims.attemptOf(row, request), operation, session.deadline());
        if (theirs.isPresent()) {
            sent.theirs(row.syssn(), theirs.get());
            return null;
        }
        CancelAnswer answer = gateway.cancel(operation, cancelParams(request, row), session);
        SentCancels.Sent now = sent.record(row.syssn(), answer);
        // Rate-limit and Retry-After waits may have come between the record and the send.
        claims.sent(LedgerClaims.attemptOf(row, request), session.deadline());
        if (!answer.answered()) {
            waitBeforeQuerying(request, answer, now, session.deadline());
            return null;
        }
        result.cancel(answer);
        return switch (answer.meaning()) {
            case SUCCESS -> config.confirmAfterCancel() ? null
                    : result.build(Verdict.cancelled(operation), "QFPay confirmed the " + operation.wireName() + ".");
            case PROCESSING, UNSETTLED, ALREADY_CANCELLED -> null;
            // QFPay says the payment completed: query, so its row (and the order's other attempts) decide.
            case COMPLETED -> null;
            // Its query lists the payment, so "not found" to the cancel is a refusal, not NOT_FOUND.
            default -> sent.anyMayApply()
                    ? Verdict.unsettled(result, "A cancel this call sent may still apply.")
                    : result.build(ReversalStatus.REJECTED, "QFPay refused the " + operation.wireName()
                            + Verdict.refusal(answer.meaning()));
        };
    }

    /**
     * A cancel got no usable answer: QFPay may or may not have acted. Wait, then query before
     * anything is sent again; with no time left for a query, stop (what is known is answered).
     */
    private void waitBeforeQuerying(ReversalRequest request, CancelAnswer answer, SentCancels.Sent now,
            Deadline deadline) {
        if (!deadline.allowsCallAfter(Duration.ZERO)) {
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
    }

    /**
     * Before an answer that advises a refund (the row shows the payment paid or partly refunded and no
     * cancel of this call may apply): another invocation's cancel the ledger holds that may still apply
     * to any attempt of the order, or {@code null}. Read only then; a ledger that cannot be read throws.
     */
    private static LedgerEntry othersInFlight(PaymentState state, SentCancels sent, LedgerClaims claims,
            PaymentLookup.Found found, ReversalRequest request, Deadline deadline) {
        boolean refundAdvice = (state == PaymentState.PAID || state == PaymentState.PARTLY_REFUNDED)
                && !sent.anyMayApply();
        return refundAdvice ? claims.beforeRefundAdvice(found.payments(), request, deadline).orElse(null) : null;
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

    /**
     * The answer when the function cannot go on after sending a cancel that may still apply: a
     * 0000 stands when no other attempt of the order was open or paid; otherwise PROCESSING.
     */
    private static ReversalResult afterFailure(ReversalRequest request, SentCancels sent, RuntimeException cause) {
        SentCancels.Sent confirmed = sent.confirmedAlone();
        if (confirmed != null) {
            CancelOperation operation = confirmed.operation();
            return ReversalResult.builder(request).cancel(confirmed.last()).build(Verdict.cancelled(operation),
                    "QFPay confirmed the " + operation.wireName() + "; the confirming query failed, so check with"
                            + " action status.");
        }
        SentCancels.Sent pending = sent.anyThatMayApply();
        ReversalResult.Builder result = ReversalResult.builder(request);
        if (pending.last().answered()) {
            result.cancel(pending.last());
        } else {
            result.sent(pending.operation());
        }
        return Verdict.unsettled(result, "The " + pending.operation().wireName() + " this call sent may still"
                + " apply, and it could not be settled: " + cause.getMessage());
    }

    private static QfpayUnavailableException unknownOutcome(ReversalRequest request, CancelAnswer answer) {
        return new QfpayUnavailableException("QFPay " + answer.operation().wireName() + " for "
                + request.displayId() + " got no usable answer (" + answer.failure() + "); its outcome is"
                + " unknown. Retrying is safe: the payment is queried before anything is sent.",
                answer.fault().isTimeout());
    }
}
