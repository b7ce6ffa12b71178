package io.qfpayreversal.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.config.QfpayConfig;
import io.qfpayreversal.credentials.CredentialsProvider;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.qfpay.PaymentRow;
import io.qfpayreversal.qfpay.QfpaySession;
import io.qfpayreversal.reversal.Action;
import io.qfpayreversal.time.Deadline;
import io.qfpayreversal.time.Pause;
import io.qfpayreversal.reversal.PayTypeRoutes;
import io.qfpayreversal.reversal.RequestValidator;
import io.qfpayreversal.reversal.ReversalRequest;
import io.qfpayreversal.reversal.ReversalResult;
import io.qfpayreversal.reversal.ReversalService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Finds payments QFPay still shows undetermined after the threshold and cancels each through the
 * same decision as {@code reverse}: bounded concurrency, a rate limit over every QFPay call, a cap
 * per run, and no new cancel once the deadline is near. One failing item never fails the sweep. A run
 * sweeps one merchant: the request's {@code mchid}, which its listing and every cancel carry, else the
 * configured one (the gateway adds it); the cap and the rate are that merchant's.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final StalePaymentLister lister;
    private final ReversalService reversals;
    private final PayTypeRoutes routes;
    private final CredentialsProvider credentials;
    private final QfpayConfig config;
    private final Clock clock;
    private final Pause pause;
    private final ObjectMapper json;

    SweepService(StalePaymentLister lister, ReversalService reversals, PayTypeRoutes routes,
            CredentialsProvider credentials, QfpayConfig config, Clock clock, Pause pause, ObjectMapper json) {
        this.json = json;
        this.lister = lister;
        this.reversals = reversals;
        this.routes = routes;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
        this.pause = pause;
    }

    public SweepSummary sweep(SweepRequest request, Deadline deadline, String requestId) {
        // One limiter per run: a container runs one invocation at a time, so this is the rate.
        RateLimiter rateLimiter = new RateLimiter(config.sweep().ratePerMinute(), clock, pause);
        QfpaySession session = new QfpaySession(credentials.openSession(deadline), rateLimiter, deadline);
        LocalDateTime now = LocalDateTime.now(clock.withZone(config.timeZone()));
        var windows = SweepWindows.between(now.minus(request.lookback()), now.minus(request.olderThan()));
        String merchant = merchantSwept(request, session);
        LogFields.put(LogFields.MCHID, merchant);
        StalePaymentLister.Listing listing = lister.list(windows, request.mchid(), session);
        List<PaymentRow> candidates = listing.candidates();
        SweepSummary summary;
        if (request.dryRun()) {
            List<SweepItem> items = candidates.stream()
                    .map(row -> item(merchant, row, SweepItem.CANDIDATE, null, "would be cancelled")).toList();
            summary = SweepSummary.of(merchant, listing.scanned(), items, true, false, config.sweep().maxItems());
        } else {
            List<SweepItem> items = new ArrayList<>();
            boolean truncated = cancelAll(candidates, request, merchant, session, requestId, items);
            summary = SweepSummary.of(merchant, listing.scanned(), items, false, truncated, config.sweep().maxItems());
        }
        record(summary);
        return summary;
    }

    /** The merchant a run sweeps, as its answer names it: the request's, else the configured one, else none. */
    private static String merchantSwept(SweepRequest request, QfpaySession session) {
        if (request.mchid() != null) {
            return request.mchid();
        }
        String configured = session.credentials().current().mchid();
        return configured == null || configured.isBlank() ? null : configured;
    }

    /**
     * The whole summary as one log line: a scheduled sweep is invoked asynchronously, so its answer
     * reaches nobody and this line is its record. Every count is a field; {@code items} (capped
     * like the answer's) is a JSON array.
     */
    private void record(SweepSummary summary) {
        String items;
        try {
            items = json.writeValueAsString(summary.items());
        } catch (JsonProcessingException e) {
            items = "[] (not written: " + e.getOriginalMessage() + ")";
        }
        Map<String, Object> fields = LogFields.of(LogFields.MCHID, summary.mchid(), "scanned", summary.scanned(), "candidates", summary.candidates(),
                "reversed", summary.reversed(), "closed", summary.closed(), "processing", summary.processing(),
                "refund_required", summary.refundRequired(), "failed", summary.failed(), "skipped", summary.skipped(),
                "dry_run", summary.dryRun(), "truncated", summary.truncated(), "items", items);
        LogFields.with(fields, () -> LOG.infof("sweep done mchid=%s scanned=%d candidates=%d reversed=%d closed=%d"
                + " processing=%d refund_required=%d failed=%d skipped=%d dry_run=%s truncated=%s items=%s",
                summary.mchid(), summary.scanned(), summary.candidates(), summary.reversed(), summary.closed(), summary.processing(),
                summary.refundRequired(), summary.failed(), summary.skipped(), summary.dryRun(), summary.truncated(),
                summary.items().size()));
    }

    /**
     * Cancels candidates in order on a bounded pool; returns whether some were left unattempted
     * (the run's cap, or the deadline near when a worker came to them).
     */
    private boolean cancelAll(List<PaymentRow> candidates, SweepRequest request, String merchant,
            QfpaySession session, String requestId, List<SweepItem> items) {
        Deadline deadline = session.deadline();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, config.sweep().concurrency()));
        AtomicBoolean deadlineNear = new AtomicBoolean();
        Set<PaymentRow> started = ConcurrentHashMap.newKeySet();
        List<Future<SweepItem>> results = new ArrayList<>();
        int attempted = 0;
        try {
            for (PaymentRow row : candidates) {
                if (routes.operationFor(row.payType()).isEmpty()) {
                    results.add(done(item(merchant, row, SweepItem.SKIPPED, row.respcd(),
                            "pay type " + row.payType() + " supports neither reversal nor close")));
                } else if (attempted >= request.maxCancellations()) {
                    results.add(done(item(merchant, row, SweepItem.SKIPPED, null,
                            "not attempted: this run's cap of " + request.maxCancellations() + " was reached")));
                } else {
                    attempted++;
                    Map<String, Object> logFields = LogFields.snapshot();
                    results.add(workers.submit(() -> {
                        LogFields.restore(logFields);
                        if (deadlineNear.get() || !deadline.allows(config.sweep().itemBudget())) {
                            deadlineNear.set(true);
                            return item(merchant, row, SweepItem.SKIPPED, null,
                                    "not attempted: the Lambda deadline was near");
                        }
                        // The item's own budget bounds every call and wait it makes.
                        started.add(row);
                        return cancel(row, request.mchid(), merchant, session.within(config.sweep().itemBudget()),
                                requestId);
                    }));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                items.add(awaitItem(results.get(i), candidates.get(i), merchant, started, deadline, deadlineNear));
            }
        } finally {
            workers.shutdownNow();
        }
        return deadlineNear.get() || attempted < countSupported(candidates);
    }

    /**
     * An item's outcome, waited for no later than the deadline: a summary must always be returned.
     * Items are bounded by their budget, so this only fires if one overran it.
     */
    private SweepItem awaitItem(Future<SweepItem> result, PaymentRow row, String merchant, Set<PaymentRow> started,
            Deadline deadline, AtomicBoolean deadlineNear) {
        try {
            return result.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            deadlineNear.set(true);
            result.cancel(true);
            if (!started.contains(row)) {
                return item(merchant, row, SweepItem.SKIPPED, null, "not attempted: the Lambda deadline was near");
            }
            return item(merchant, row, SweepItem.FAILED, null, "did not finish before the Lambda deadline; its outcome is"
                    + " unknown: it is queried before anything is sent on the next run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sweep item escaped its error handling", e.getCause());
        }
    }

    private long countSupported(List<PaymentRow> candidates) {
        return candidates.stream().filter(row -> routes.operationFor(row.payType()).isPresent()).count();
    }

    private static Future<SweepItem> done(SweepItem item) {
        return CompletableFuture.completedFuture(item);
    }

    /** Cancels {@code row} through {@code reverse}, for {@code mchid} as the request named it (so as the listing asked). */
    private SweepItem cancel(PaymentRow row, String mchid, String merchant, QfpaySession session, String requestId) {
        var unfit = RequestValidator.rowProblems(row.syssn(), row.outTradeNo(), row.txamt(), row.txdtm(), row.payType());
        if (unfit.isPresent()) {
            return item(merchant, row, SweepItem.FAILED, row.respcd(), "QFPay's row fails the input rules, nothing was sent: " + unfit.get());
        }
        ReversalRequest request = new ReversalRequest(Action.REVERSE, row.syssn(), row.outTradeNo(), row.txamt(),
                row.txdtm(), row.payType(), mchid, null);
        try {
            ReversalResult result = reversals.reverse(request, session, requestId);
            return item(merchant, row, result.status(), result.respcd(), result.message());
        } catch (RuntimeException e) {
            LOG.warnf("sweep could not cancel syssn %s: %s: %s", row.syssn(), e.getClass().getSimpleName(),
                    e.getMessage());
            return item(merchant, row, SweepItem.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static SweepItem item(String merchant, PaymentRow row, String status, String respcd, String message) {
        return new SweepItem(merchant, row.syssn(), row.outTradeNo(), row.payType(), row.txamt(), status, respcd, message);
    }
}
