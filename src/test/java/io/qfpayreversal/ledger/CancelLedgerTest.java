package io.qfpayreversal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.AwsEnvironment;
import io.qfpayreversal.error.ConfigurationException;
import io.qfpayreversal.error.QfpayUnavailableException;
import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.testing.DynamoDbGate;
import io.qfpayreversal.testing.MotoSsm;
import io.qfpayreversal.testing.VirtualTime;
import io.qfpayreversal.time.Deadline;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger against moto_server's DynamoDB (conditional writes as DynamoDB evaluates them), no Quarkus. */
class CancelLedgerTest {

    private static final String TABLE = "ledger-unit";
    private static final String MERCHANT = "M1";
    private static final AtomicLong SERIALS = new AtomicLong(20261206000000L);
    private static MotoSsm moto;
    private static DynamoDbGate gate;

    private final VirtualTime clock = VirtualTime.get();
    private String syssn;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoSsm.start();
        moto.createLedgerTable(TABLE);
        gate = DynamoDbGate.in(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        gate.close();
        moto.close();
    }

    @BeforeEach
    void freshAttempt() {
        clock.setNow(Instant.parse("2026-12-06T10:00:00Z"));
        gate.fault(DynamoDbGate.Fault.NONE);
        syssn = String.valueOf(SERIALS.incrementAndGet());
    }

    @Test
    void claim_onAnEmptyTable_recordsTheCancelWithItsWindowAndTtl() {
        Claimant me = Claimant.of("req-A");

        assertThat(ledger(TABLE).claim(MERCHANT, syssn, CancelOperation.REVERSAL, me, deadline())).isEmpty();

        Map<String, AttributeValue> item = moto.ledgerItem(TABLE, MERCHANT, syssn);
        assertThat(item.get("operation").s()).isEqualTo("reversal");
        assertThat(item.get("request_id").s()).isEqualTo("req-A");
        assertThat(item.get("claim_id").s()).isEqualTo(me.claimId());
        long sent = Long.parseLong(item.get("sent_at").n());
        assertThat(sent).isEqualTo(clock.instant().toEpochMilli());
        assertThat(Long.parseLong(item.get("may_apply_until").n())).isEqualTo(sent + Duration.ofMinutes(10).toMillis());
        assertThat(Long.parseLong(item.get("expires_at").n()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).plus(Duration.ofDays(7)).getEpochSecond());
    }

    @Test
    void claim_whileAnotherInvocationsCancelMayApply_returnsItAndLeavesItsEntry() {
        CancelLedger ledger = ledger(TABLE);
        Claimant sweep = Claimant.of("req-sweep");
        ledger.claim(MERCHANT, syssn, CancelOperation.CLOSE, sweep, deadline());
        clock.advance(Duration.ofMinutes(9));

        Optional<LedgerEntry> theirs = ledger.claim(MERCHANT, syssn, CancelOperation.CLOSE, Claimant.of("req-api"),
                deadline());

        assertThat(theirs).hasValueSatisfying(entry -> {
            assertThat(entry.requestId()).isEqualTo("req-sweep");
            assertThat(entry.operation()).isEqualTo(CancelOperation.CLOSE);
            assertThat(entry.describe()).contains("close").contains("req-sweep").contains("may still apply until");
        });
        assertThat(moto.ledgerItem(TABLE, MERCHANT, syssn).get("claim_id").s()).isEqualTo(sweep.claimId());
    }

    @Test
    void claim_bySameCallAgain_extendsItsWindow() {
        CancelLedger ledger = ledger(TABLE);
        Claimant me = Claimant.of("req-A");
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, me, deadline());
        clock.advance(Duration.ofSeconds(5));

        assertThat(ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, me, deadline())).isEmpty();
        assertThat(Long.parseLong(moto.ledgerItem(TABLE, MERCHANT, syssn).get("sent_at").n()))
                .isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void claim_afterTheOtherCancelsWindowEnded_orItWasSettled_isRecorded() {
        CancelLedger ledger = ledger(TABLE);
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-old"), deadline());
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        assertThat(ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-new"), deadline())).isEmpty();

        String other = String.valueOf(SERIALS.incrementAndGet());
        Claimant refused = Claimant.of("req-refused");
        ledger.claim(MERCHANT, other, CancelOperation.REVERSAL, refused, deadline());
        ledger.settle(MERCHANT, other, refused, LedgerEntry.REFUSED, deadline());
        assertThat(ledger.claim(MERCHANT, other, CancelOperation.REVERSAL, Claimant.of("req-next"), deadline())).isEmpty();
    }

    @Test
    void claim_afterAnotherInvocationsCancelShowedApplied_isRefused_evenByACallerThatSawThePaymentOpen() {
        CancelLedger ledger = ledger(TABLE);
        Claimant first = Claimant.of("req-first");
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, first, deadline());
        ledger.settle(MERCHANT, syssn, first, LedgerEntry.CANCELLED, deadline());

        assertThat(ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-late"), deadline()))
                .hasValueSatisfying(entry -> assertThat(entry.settledAs()).isEqualTo(LedgerEntry.CANCELLED));
    }

    @Test
    void claim_sameSyssnOfAnotherMerchant_isItsOwnEntry() {
        CancelLedger ledger = ledger(TABLE);
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-A"), deadline());

        assertThat(ledger.claim("M2", syssn, CancelOperation.REVERSAL, Claimant.of("req-B"), deadline())).isEmpty();
    }

    @Test
    void claim_byManyInvocationsAtOnce_recordsExactlyOne() throws Exception {
        CancelLedger ledger = ledger(TABLE);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Optional<LedgerEntry>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Claimant claimant = Claimant.of("req-" + i);
                Callable<Optional<LedgerEntry>> claim = () -> {
                    start.await();
                    return ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, claimant, deadline());
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<LedgerEntry>> result : results) {
                won += result.get().isEmpty() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inFlight_listsOtherClaimantsUnsettledEntriesWithinTheirWindow_only() {
        CancelLedger ledger = ledger(TABLE);
        Claimant me = Claimant.of("req-me");
        Claimant other = Claimant.of("req-other");
        String mine = syssn;
        String theirs = String.valueOf(SERIALS.incrementAndGet());
        String settled = String.valueOf(SERIALS.incrementAndGet());
        String none = String.valueOf(SERIALS.incrementAndGet());
        ledger.claim(MERCHANT, mine, CancelOperation.REVERSAL, me, deadline());
        ledger.claim(MERCHANT, theirs, CancelOperation.REVERSAL, other, deadline());
        ledger.claim(MERCHANT, settled, CancelOperation.REVERSAL, other, deadline());
        ledger.settle(MERCHANT, settled, other, LedgerEntry.CANCELLED, deadline());

        assertThat(ledger.inFlight(MERCHANT, List.of(mine, theirs, settled, none), me.claimId(), deadline()))
                .extracting(LedgerEntry::syssn).containsExactly(theirs);
        clock.advance(Duration.ofMinutes(10));
        assertThat(ledger.inFlight(MERCHANT, List.of(theirs), me.claimId(), deadline())).isEmpty();
    }

    @Test
    void adviseRefund_withNoCancelInFlight_marksTheAttempt_soNoLaterCancelIsRecorded() {
        CancelLedger ledger = ledger(TABLE);

        assertThat(ledger.adviseRefund(MERCHANT, syssn, Claimant.of("req-checkout"), deadline())).isEmpty();

        assertThat(moto.ledgerItem(TABLE, MERCHANT, syssn)).containsKeys("refund_advised_at", "expires_at");
        assertThat(ledger.inFlight(MERCHANT, List.of(syssn), "c", deadline())).as("a mark is no cancel").isEmpty();
        assertThat(ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-stale"), deadline()))
                .hasValueSatisfying(entry -> {
                    assertThat(entry.refundAdvised()).isTrue();
                    assertThat(entry.describe()).contains("req-checkout").contains("advised a refund");
                });
    }

    @Test
    void adviseRefund_whileAnotherInvocationsCancelMayApply_returnsIt_andMarksNothing() {
        CancelLedger ledger = ledger(TABLE);
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("req-sweep"), deadline());

        assertThat(ledger.adviseRefund(MERCHANT, syssn, Claimant.of("req-checkout"), deadline()))
                .hasValueSatisfying(entry -> assertThat(entry.requestId()).isEqualTo("req-sweep"));
        assertThat(moto.ledgerItem(TABLE, MERCHANT, syssn)).doesNotContainKey("refund_advised_at");
    }

    @Test
    void adviseRefund_afterTheCancelsWindowEnded_orOfTheCallsOwnCancel_marks() {
        CancelLedger ledger = ledger(TABLE);
        Claimant me = Claimant.of("req-me");
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, me, deadline());
        assertThat(ledger.adviseRefund(MERCHANT, syssn, me, deadline())).isEmpty();

        String other = String.valueOf(SERIALS.incrementAndGet());
        ledger.claim(MERCHANT, other, CancelOperation.REVERSAL, Claimant.of("req-old"), deadline());
        clock.advance(Duration.ofMinutes(10));
        assertThat(ledger.adviseRefund(MERCHANT, other, Claimant.of("req-new"), deadline())).isEmpty();
    }

    @Test
    void settle_ofAnEntryAnotherInvocationHolds_leavesIt() {
        CancelLedger ledger = ledger(TABLE);
        Claimant holder = Claimant.of("req-holder");
        ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, holder, deadline());

        ledger.settle(MERCHANT, syssn, Claimant.of("req-stranger"), LedgerEntry.REFUSED, deadline());

        assertThat(moto.ledgerItem(TABLE, MERCHANT, syssn)).doesNotContainKey("settled_as");
    }

    @Test
    void claim_andInFlight_whenDynamoDbThrottles_areRetryableErrorsNamingTheLedger() {
        CancelLedger ledger = ledger(TABLE);
        gate.fault(DynamoDbGate.Fault.THROTTLED);

        assertThatThrownBy(() -> ledger.claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("r"), deadline()))
                .isInstanceOf(QfpayUnavailableException.class).hasMessageContaining("cancel ledger")
                .hasMessageContaining("ThrottlingException");
        assertThat(gate.refused()).as("the SDK's standard strategy: three attempts").isEqualTo(3);
        assertThatThrownBy(() -> ledger.inFlight(MERCHANT, List.of(syssn), "c", deadline()))
                .isInstanceOf(QfpayUnavailableException.class).hasMessageContaining("could not be read");
        gate.fault(DynamoDbGate.Fault.NONE);
        assertThat(moto.ledgerItem(TABLE, MERCHANT, syssn)).isEmpty();
    }

    @Test
    void claim_whenDenied_isARetryableError() {
        gate.fault(DynamoDbGate.Fault.DENIED);

        assertThatThrownBy(() -> ledger(TABLE).claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("r"),
                deadline())).isInstanceOf(QfpayUnavailableException.class).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void claim_withNoTimeLeft_sendsNothingToDynamoDb() {
        gate.fault(DynamoDbGate.Fault.THROTTLED); // counts any call that would be made
        Deadline spent = Deadline.in(clock, Duration.ZERO, Duration.ofSeconds(1));

        assertThatThrownBy(() -> ledger(TABLE).claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("r"), spent))
                .isInstanceOfSatisfying(QfpayUnavailableException.class, e -> assertThat(e.isTimeout()).isTrue());
        assertThat(gate.refused()).isZero();
    }

    @Test
    void claim_withoutATableConfigured_isAConfigurationError() {
        assertThatThrownBy(() -> ledger(null).claim(MERCHANT, syssn, CancelOperation.REVERSAL, Claimant.of("r"),
                deadline())).isInstanceOf(ConfigurationException.class).hasMessageContaining("QFPAY_LEDGER_TABLE");
    }

    private CancelLedger ledger(String table) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(QfpayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(AwsEnvironment.class)
                .withDefaultValue("aws.region", MotoSsm.REGION)
                .withDefaultValue("aws.endpoint-url-dynamodb", gate.endpoint());
        if (table != null) {
            builder.withDefaultValue("qfpay.ledger.table", table);
        }
        SmallRyeConfig config = builder.build();
        LedgerClient client = new LedgerClient(config.getConfigMapping(AwsEnvironment.class),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoSsm.ACCESS_KEY, MotoSsm.SECRET_KEY)),
                config.getConfigMapping(QfpayConfig.class));
        return new CancelLedger(client, config.getConfigMapping(QfpayConfig.class), clock);
    }

    private Deadline deadline() {
        return Deadline.in(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMillis(100));
    }
}
