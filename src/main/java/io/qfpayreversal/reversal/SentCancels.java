package io.qfpayreversal.reversal;

import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.ledger.LedgerEntry;
import io.qfpayreversal.qfpay.CancelAnswer;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.RespcdMeaning;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code reverse} call has sent, per payment serial. It answers the questions the money
 * rules ask: may a cancel of ours still apply (then no refund may be advised), did QFPay confirm
 * one with 0000, may the cancel be sent again, or must QFPay's row be polled instead.
 */
final class SentCancels {

    private final Map<String, Sent> bySyssn = new HashMap<>();
    /** Cancels other invocations recorded in the ledger, found when this call went to send its own. */
    private final Map<String, LedgerEntry> theirs = new HashMap<>();
    private Payments lastSeen = new Payments(List.of());

    /** One payment's cancels; the flags are sticky across attempts. */
    static final class Sent {
        private CancelAnswer last;
        private int attempts;
        private boolean mayApply;
        private boolean ours;
        private boolean confirmed;
        private boolean pollOnly;
        private boolean settled;
        private boolean contradicted;

        CancelAnswer last() {
            return last;
        }

        CancelOperation operation() {
            return last.operation();
        }

        int attempts() {
            return attempts;
        }

        /**
         * QFPay may still apply a cancel this call sent: a paid row is then not yet a refund case.
         * Not once the payment's row shows it cancelled or refunded in full.
         */
        boolean mayApply() {
            return mayApply && !settled;
        }

        /** A cancel of this call may be what cancelled the payment (else QFPay had it cancelled already). */
        boolean ours() {
            return ours;
        }

        /** QFPay answered 0000 to a cancel of this call. */
        boolean confirmed() {
            return confirmed;
        }

        /** QFPay took a cancel and has not settled it: query its row, never send again. */
        boolean pollOnly() {
            return pollOnly;
        }
    }

    /** The cancels sent for {@code syssn}, or {@code null} when none was. */
    Sent of(String syssn) {
        return bySyssn.get(syssn);
    }

    /**
     * Takes in what QFPay shows now: a cancel whose row shows the payment cancelled or refunded in
     * full is settled; a 0000 whose row still shows the payment open (or unreadable) is contradicted.
     * Remembers the listing for an answer if QFPay cannot be asked again.
     */
    Payments seen(Payments payments) {
        lastSeen = payments;
        for (PaymentRow row : payments.rows()) {
            Sent sent = bySyssn.get(row.syssn());
            if (sent == null) {
                continue;
            }
            PaymentState state = readable(row);
            if (state == PaymentState.REVERSED || state == PaymentState.CLOSED || state == PaymentState.REFUNDED) {
                sent.settled = true;
            } else if (sent.confirmed) {
                sent.contradicted = true;
            }
        }
        return payments;
    }

    boolean anyMayApply() {
        return bySyssn.values().stream().anyMatch(Sent::mayApply);
    }

    /** A cancel that may still apply, to name in an answer; {@code null} when none may. */
    Sent anyThatMayApply() {
        return bySyssn.values().stream().filter(Sent::mayApply).findFirst().orElse(null);
    }

    /**
     * Whether {@code row} has a cancel QFPay took and has not settled, or another invocation's cancel
     * in flight: poll it, never send (again).
     */
    boolean awaiting(PaymentRow row) {
        Sent sent = bySyssn.get(row.syssn());
        return sent != null && sent.pollOnly() || theirs.containsKey(row.syssn());
    }

    /** Another invocation's cancel of {@code syssn} may still apply: this call sends none, it polls. */
    void theirs(String syssn, LedgerEntry entry) {
        theirs.put(syssn, entry);
    }

    /** The other invocation's cancel this call is waiting for on {@code syssn}, or {@code null}. */
    LedgerEntry theirs(String syssn) {
        return theirs.get(syssn);
    }

    /**
     * How this call's ledger entry for {@code syssn} is closed: {@link LedgerEntry#CANCELLED} when
     * QFPay's row shows the payment cancelled or refunded in full, {@link LedgerEntry#REFUSED} when
     * QFPay refused every cancel sent; {@code null} while one may still apply (or none was sent).
     */
    String closedAs(String syssn) {
        Sent sent = bySyssn.get(syssn);
        if (sent == null) {
            return null;
        }
        return sent.settled ? LedgerEntry.CANCELLED : sent.mayApply ? null : LedgerEntry.REFUSED;
    }

    /**
     * The cancel QFPay confirmed with 0000 when it is all that is in flight and no other attempt of
     * the order was last seen open or paid: then the 0000 is the answer; else {@code null}.
     */
    Sent confirmedAlone() {
        List<Sent> mayApply = bySyssn.values().stream().filter(Sent::mayApply).toList();
        if (mayApply.size() != 1 || !mayApply.get(0).confirmed() || mayApply.get(0).contradicted) {
            return null;
        }
        Sent confirmed = mayApply.get(0);
        boolean othersSettled = lastSeen.rows().stream()
                .filter(row -> bySyssn.get(row.syssn()) != confirmed)
                .map(SentCancels::readable)
                .noneMatch(state -> state == null || state == PaymentState.PAID
                        || state == PaymentState.PARTLY_REFUNDED || state == PaymentState.PENDING);
        return othersSettled ? confirmed : null;
    }

    /** The row's state, or {@code null} when QFPay's row cannot be read. */
    private static PaymentState readable(PaymentRow row) {
        try {
            return PaymentState.of(row);
        } catch (QfpayUnavailableException e) {
            return null;
        }
    }

    Sent record(String syssn, CancelAnswer answer) {
        Sent sent = bySyssn.computeIfAbsent(syssn, k -> new Sent());
        sent.last = answer;
        sent.attempts++;
        if (!answer.answered()) {
            boolean reached = answer.fault().mayHaveReachedQfpay();
            sent.mayApply |= reached;
            sent.ours |= reached;
            return sent;
        }
        RespcdMeaning meaning = answer.meaning();
        switch (meaning) {
            case SUCCESS, PROCESSING -> {
                sent.mayApply = true;
                sent.ours = true;
                sent.pollOnly = true;
                sent.confirmed |= meaning == RespcdMeaning.SUCCESS;
            }
            case UNSETTLED, ALREADY_CANCELLED -> {
                sent.mayApply = true;
                sent.pollOnly = true;
            }
            // QFPay says the payment completed: its row decides; never sent again.
            case COMPLETED -> sent.pollOnly = true;
            default -> {
                // A definite refusal: this cancel did not apply (earlier ones may have).
            }
        }
        return sent;
    }
}
