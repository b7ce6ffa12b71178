package io.qfpayreversal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.qfpay.CancelOperation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How an entry reads in messages and logs: an open window, a settled cancel, a refund advised. */
class LedgerEntryTest {

    private static final Instant SENT = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant UNTIL = SENT.plusSeconds(600);

    @Test
    void describe_openCancel_saysUntilWhenItMayStillApply() {
        LedgerEntry entry = new LedgerEntry("SUB1", "20261207000000001", CancelOperation.REVERSAL, "req-1", "c1",
                SENT, UNTIL, null, null, null);

        assertThat(entry.describe()).isEqualTo("a reversal of payment 20261207000000001 sent at " + SENT
                + " by invocation req-1 may still apply until " + UNTIL);
    }

    @Test
    void describe_settledCancel_saysHowItSettled_notThatItMayStillApply() {
        LedgerEntry entry = new LedgerEntry("SUB1", "20261207000000001", CancelOperation.CLOSE, "req-1", "c1",
                SENT, UNTIL, LedgerEntry.CANCELLED, null, null);

        assertThat(entry.describe()).endsWith("by invocation req-1 was settled as cancelled")
                .doesNotContain("may still apply");
    }

    @Test
    void describe_refundAdvised_namesWhoAdvisedIt() {
        LedgerEntry entry = new LedgerEntry("SUB1", "20261207000000001", null, null, null, null, null, null,
                SENT, "req-2");

        assertThat(entry.describe()).contains("req-2").contains("advised a refund");
    }
}
