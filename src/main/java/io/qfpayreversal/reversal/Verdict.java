package io.qfpayreversal.reversal;

import io.qfpayreversal.ledger.LedgerEntry;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.RespcdMeaning;

/**
 * The answer of {@code reverse} once QFPay's row is known: the row's state decides, and a paid row
 * is not a refund case while a cancel this call sent, or one another invocation recorded in the
 * cancel ledger, may still apply (a reversal can return the money of a payment completed meanwhile:
 * advising a refund then pays the customer twice).
 */
final class Verdict {

    private Verdict() {
    }

    /**
     * The answer for a row that can no longer be cancelled; {@code sent} is what this call sent it,
     * {@code mayApply} whether any cancel this call sent (to any attempt) may still apply, {@code others}
     * another invocation's cancel in the ledger that may still apply ({@code null}: none, read when
     * the row would otherwise advise a refund).
     */
    static ReversalResult of(PaymentState state, SentCancels.Sent sent, boolean mayApply, LedgerEntry others,
            ReversalResult.Builder result) {
        if (sent != null) {
            // The row decides, so its codes stay; a 0000 adds the serial of the reversal or close.
            if (sent.confirmed()) {
                result.cancel(sent.last());
            } else {
                result.sent(sent.operation());
            }
        }
        return switch (state) {
            case REVERSED, CLOSED -> cancelledBy(state, sent, result);
            case REFUNDED -> result.build(ReversalStatus.REJECTED,
                    "QFPay shows the payment refunded in full: nothing is left to cancel or refund.");
            case PARTLY_REFUNDED -> mayApply
                    ? unsettled(result, "The payment shows as partly refunded, but a cancel this call sent may"
                            + " still apply.")
                    : others != null ? othersCancel(others, result, "The payment shows as partly refunded, but")
                    : result.build(ReversalStatus.REFUND_REQUIRED,
                            "The payment completed and was partly refunded: refund the rest instead.");
            case PAID -> mayApply
                    ? unsettled(result, "The payment shows as completed, but a cancel this call sent may still"
                            + " apply and return the money: do not refund yet.")
                    : others != null ? othersCancel(others, result, "The payment shows as completed, but")
                    : result.build(ReversalStatus.REFUND_REQUIRED,
                            "The payment completed, so it cannot be reversed: refund it instead.");
            case PENDING, FAILED -> throw new IllegalArgumentException("a cancellable payment has no verdict yet");
        };
    }

    /**
     * QFPay took the cancel but its row still shows the payment open after the polling budget: a
     * row that contradicts even a 0000 is not yet a cancel.
     */
    static ReversalResult notSettledInTime(SentCancels.Sent sent, ReversalResult.Builder result) {
        result.cancel(sent.last());
        String operation = sent.operation().wireName();
        return unsettled(result, sent.confirmed()
                ? "QFPay answered 0000 to the " + operation + ", but its row still shows the payment open."
                : "QFPay has not settled the " + operation + " yet (respcd " + sent.last().respcd() + ").");
    }

    /** PROCESSING: another invocation's cancel, which this call did not send again, has not settled yet. */
    static ReversalResult othersCancel(LedgerEntry others, ReversalResult.Builder result) {
        return othersCancel(others, result, "QFPay's row has not settled yet:");
    }

    private static ReversalResult othersCancel(LedgerEntry others, ReversalResult.Builder result, String row) {
        return unsettled(result, row + " " + others.describe() + " (the cancel ledger), and return the money:"
                + " do not refund yet.");
    }

    /** PROCESSING: a cancel may still apply, or QFPay has not decided. */
    static ReversalResult unsettled(ReversalResult.Builder result, String why) {
        return result.retryable().build(ReversalStatus.PROCESSING, why + " Ask again later with action status.");
    }

    static ReversalStatus cancelled(CancelOperation operation) {
        return operation == CancelOperation.CLOSE ? ReversalStatus.CLOSED : ReversalStatus.REVERSED;
    }

    static String refusal(RespcdMeaning meaning) {
        return meaning == RespcdMeaning.NOT_SUPPORTED
                ? ": the channel does not support cancelling this payment."
                : "; see respcd and resperr.";
    }

    private static ReversalResult cancelledBy(PaymentState state, SentCancels.Sent sent, ReversalResult.Builder result) {
        ReversalStatus status = state == PaymentState.CLOSED ? ReversalStatus.CLOSED : ReversalStatus.REVERSED;
        String done = status == ReversalStatus.CLOSED ? "closed" : "reversed";
        if (sent == null || !sent.ours()) {
            return result.alreadyCancelled().build(status, "QFPay had already " + done
                    + " this payment; nothing new was cancelled.");
        }
        String operation = sent.operation().wireName();
        if (sent.confirmed()) {
            return result.build(status, "QFPay confirmed the " + operation + ".");
        }
        return result.build(status, sent.last().answered()
                ? "QFPay applied the " + operation + " after processing it."
                : "QFPay shows the payment " + done + " by this call's " + operation + ", whose answer was lost.");
    }
}
