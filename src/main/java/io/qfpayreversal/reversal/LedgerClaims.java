package io.qfpayreversal.reversal;

import io.qfpayreversal.credentials.CredentialsSession;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.ledger.CancelLedger;
import io.qfpayreversal.ledger.Claimant;
import io.qfpayreversal.ledger.LedgerEntry;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.time.Deadline;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One call's dealings with the cancel ledger, keyed by the merchant the call acts for: claim an
 * attempt before its cancel is sent, find other invocations' cancels that may still apply before
 * any answer that could lead to a refund, and close this call's entries once QFPay's row settled them.
 */
final class LedgerClaims {

    private static final Logger LOG = Logger.getLogger(LedgerClaims.class);

    /** The ledger's merchant key when neither the input nor the configuration names one (the app code's own). */
    static final String OWN_MERCHANT = "-";

    private final CancelLedger ledger;
    private final Claimant claimant;
    private final String merchant;
    private final Set<String> claimed = new LinkedHashSet<>();

    LedgerClaims(CancelLedger ledger, Claimant claimant, String merchant) {
        this.ledger = ledger;
        this.claimant = claimant;
        this.merchant = merchant;
    }

    /** The merchant a request acts for: its {@code mchid}, else the configured one, else the app code's own. */
    static String merchantOf(ReversalRequest request, CredentialsSession credentials) {
        if (request.mchid() != null) {
            return request.mchid();
        }
        String configured = credentials.current().mchid();
        return configured == null || configured.isBlank() ? OWN_MERCHANT : configured;
    }

    /**
     * The ledger's key for an attempt: its serial as QFPay lists it, else as the input names it (the
     * cancel carries the same), else the order (a row without a serial, named by {@code out_trade_no}).
     */
    static String attemptOf(PaymentRow row, ReversalRequest request) {
        if (row.syssn() != null) {
            return row.syssn();
        }
        return request.syssn() != null ? request.syssn() : "out_trade_no:" + request.outTradeNo();
    }

    /** Empty when this call may send the cancel (recorded); else the other cancel in flight. */
    Optional<LedgerEntry> claim(String syssn, CancelOperation operation, Deadline deadline) {
        Optional<LedgerEntry> theirs = ledger.claim(merchant, syssn, operation, claimant, deadline);
        if (theirs.isEmpty()) {
            claimed.add(syssn);
        }
        return theirs;
    }

    /**
     * This call sent its cancel of {@code syssn} (again): its window counts from now. Best effort:
     * a ledger that fails here leaves the window counted from the record, and the call goes on to
     * settle its cancel by QFPay's row (a fault there still ends in {@code PROCESSING}).
     */
    void sent(String syssn, Deadline deadline) {
        try {
            ledger.keepOpen(merchant, syssn, claimant.claimId(), deadline);
        } catch (QfpayUnavailableException e) {
            LOG.warnf("cancel ledger: the window of payment %s still counts from its record: %s", syssn,
                    e.getMessage());
        }
    }

    /** {@link #beforeRefundAdvice(CancelLedger, String, Payments, ReversalRequest, Claimant, Deadline)} for this call. */
    Optional<LedgerEntry> beforeRefundAdvice(Payments payments, ReversalRequest request, Deadline deadline) {
        return beforeRefundAdvice(ledger, merchant, payments, request, claimant, deadline);
    }

    /**
     * Before advising a refund of an order: every paid (or partly refunded) attempt is marked as advised
     * in the ledger, each with a conditional write that fails while another invocation's cancel may
     * still apply to it; the order's other attempts not settled are read. Returns the first cancel that
     * may still apply (then advise no refund), else empty (the marks keep a stale cancel from being
     * recorded, and so sent, after the advice).
     */
    static Optional<LedgerEntry> beforeRefundAdvice(CancelLedger ledger, String merchant, Payments payments,
            ReversalRequest request, Claimant claimant, Deadline deadline) {
        for (PaymentRow row : payments.rows()) {
            if (paid(row)) {
                Optional<LedgerEntry> inFlight = ledger.adviseRefund(merchant, attemptOf(row, request), claimant,
                        deadline);
                if (inFlight.isPresent()) {
                    return inFlight;
                }
            }
        }
        Payments others = new Payments(payments.rows().stream().filter(row -> !paid(row)).toList());
        return inFlight(ledger, merchant, others, request, claimant.claimId(), deadline);
    }

    private static boolean paid(PaymentRow row) {
        try {
            PaymentState state = PaymentState.of(row);
            return state == PaymentState.PAID || state == PaymentState.PARTLY_REFUNDED;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Any cancel in the ledger, other than {@code claimId}'s, that may still apply to an attempt not
     * settled. Such a cancel's window is kept open while QFPay shows its attempt undetermined: a
     * cancel answered "processing" (or not at all) may apply long after it was sent, and a window that
     * ran out under a payment still pending would let a refund be advised once the customer paid.
     */
    static Optional<LedgerEntry> inFlight(CancelLedger ledger, String merchant, Payments payments,
            ReversalRequest request, String claimId, Deadline deadline) {
        List<PaymentRow> open = payments.rows().stream().filter(LedgerClaims::notSettled).toList();
        List<String> attempts = open.stream().map(row -> attemptOf(row, request)).distinct().toList();
        if (attempts.isEmpty()) {
            return Optional.empty();
        }
        List<LedgerEntry> inFlight = ledger.inFlight(merchant, attempts, claimId, deadline);
        for (LedgerEntry entry : inFlight) {
            boolean undetermined = open.stream().anyMatch(row -> entry.syssn().equals(attemptOf(row, request))
                    && LedgerClaims.undetermined(row));
            if (undetermined) {
                ledger.keepOpen(merchant, entry.syssn(), entry.claimId(), deadline);
            }
        }
        return inFlight.stream().findFirst();
    }

    /** A row QFPay still shows neither completed nor failed: what a cancel in flight may yet turn around. */
    private static boolean undetermined(PaymentRow row) {
        try {
            return PaymentState.of(row) == PaymentState.PENDING;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /** Closes each entry this call recorded that QFPay's row or answers settled; the rest run out. */
    void close(SentCancels sent, Deadline deadline) {
        for (String syssn : claimed) {
            String closedAs = sent.closedAs(syssn);
            if (closedAs != null) {
                ledger.settle(merchant, syssn, claimant, closedAs, deadline);
            }
        }
    }

    /** A row a cancel may still turn around: not shown cancelled or refunded in full. */
    private static boolean notSettled(PaymentRow row) {
        try {
            PaymentState state = PaymentState.of(row);
            return state != PaymentState.REVERSED && state != PaymentState.CLOSED && state != PaymentState.REFUNDED;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
