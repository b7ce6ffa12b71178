package io.qfpayreversal.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qfpayreversal.logging.LogFields;
import io.qfpayreversal.sweep.SweepSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The function's metrics, written in CloudWatch Embedded Metric Format once per invocation, when
 * the handler has its answer: one document with the outcome (dimensions function and action, and
 * function alone), then one per QFPay operation called (function and operation). What is recorded
 * between two flushes belongs to the invocation in between: a container runs one at a time (work
 * done at start-up, like the credentials prefetch, goes with the first). No payment id, key or
 * signature is ever a dimension or a member here.
 */
@ApplicationScoped
public class InvocationMetrics {

    public static final String NAMESPACE = "QfpayReversal";
    private static final Logger LOG = Logger.getLogger(InvocationMetrics.class);

    private final Clock clock;
    private final ObjectMapper json;
    private final String function;
    private final EmfSink sink;
    private final Map<String, QfpayCallStats> calls = new TreeMap<>();
    private int credentialLoads;
    private int credentialReloads;

    @Inject
    InvocationMetrics(Clock clock, ObjectMapper json,
            @ConfigProperty(name = "aws.lambda.function.name", defaultValue = "local") String function) {
        this(clock, json, function, EmfSink.STANDARD_OUTPUT);
    }

    InvocationMetrics(Clock clock, ObjectMapper json, String function, EmfSink sink) {
        this.clock = clock;
        this.json = json;
        this.function = function;
        this.sink = sink;
    }

    /** One QFPay HTTP exchange: its operation ({@code query}, {@code reversal}, {@code close}), attempt, latency, fault kind or null. */
    public synchronized void qfpayCall(String operation, int attempt, long latencyMillis, String fault) {
        calls.computeIfAbsent(operation, name -> new QfpayCallStats()).add(attempt, latencyMillis, fault);
    }

    /** Credentials were loaded: the first time in a container, or again after QFPay rejected a signature (1108). */
    public synchronized void credentialsLoaded(boolean reload) {
        if (reload) {
            credentialReloads++;
        } else {
            credentialLoads++;
        }
    }

    /** The invocation answered; writes its metrics. */
    public void invocationDone(Object answer) {
        flush(InvocationOutcome.of(action(), answer, json), answer instanceof SweepSummary summary ? summary : null);
    }

    /** The invocation threw; writes its metrics. */
    public void invocationFailed(RuntimeException error) {
        flush(InvocationOutcome.failed(action(), error), null);
    }

    private synchronized void flush(InvocationOutcome outcome, SweepSummary sweep) {
        try {
            long now = clock.millis();
            String requestId = LogFields.get(LogFields.REQUEST_ID);
            sink.write(outcomeDocument(outcome, sweep, now, requestId).toJson());
            calls.forEach((operation, stats) -> operationDocuments(operation, stats, outcome.action(), now, requestId)
                    .forEach(document -> sink.write(document.toJson())));
        } catch (RuntimeException e) {
            // Metrics never fail an invocation that has its answer; the message holds no request content.
            LOG.warnf("metrics not written: %s", e.toString());
        } finally {
            calls.clear();
            credentialLoads = 0;
            credentialReloads = 0;
        }
    }

    private EmfDocument outcomeDocument(InvocationOutcome outcome, SweepSummary sweep, long now, String requestId) {
        EmfDocument document = new EmfDocument(NAMESPACE, now).dimensionSet("function", "action")
                .dimensionSet("function").dimension("function", function).dimension("action", outcome.action())
                .property("requestId", requestId)
                .metric("Invocations", EmfDocument.COUNT, 1);
        Set<String> names = new LinkedHashSet<>(outcome.vocabulary());
        if (outcome.outcome() != null) {
            names.add(outcome.outcome());
        }
        names.forEach(name -> document.metric(name, EmfDocument.COUNT, name.equals(outcome.outcome()) ? 1 : 0));
        if (sweep != null) {
            document.metric("SweepScanned", EmfDocument.COUNT, sweep.scanned())
                    .metric("SweepCandidates", EmfDocument.COUNT, sweep.candidates())
                    .metric("SweepCancelled", EmfDocument.COUNT, sweep.reversed() + sweep.closed())
                    .metric("SweepProcessing", EmfDocument.COUNT, sweep.processing())
                    .metric("SweepRefundRequired", EmfDocument.COUNT, sweep.refundRequired())
                    .metric("SweepFailed", EmfDocument.COUNT, sweep.failed())
                    .metric("SweepSkipped", EmfDocument.COUNT, sweep.skipped())
                    .metric("SweepTruncated", EmfDocument.COUNT, sweep.truncated() ? 1 : 0)
                    .property("dryRun", String.valueOf(sweep.dryRun()));
        }
        return document.metric("CredentialLoads", EmfDocument.COUNT, credentialLoads)
                .metric("CredentialReloads", EmfDocument.COUNT, credentialReloads);
    }

    /** One document per operation, more when it made over 100 calls (the specification's limit per metric). */
    private List<EmfDocument> operationDocuments(String operation, QfpayCallStats stats, String action, long now,
            String requestId) {
        List<EmfDocument> documents = new java.util.ArrayList<>();
        for (int from = 0; from < stats.latencies.size(); from += EmfDocument.MAX_VALUES) {
            List<Double> latencies = stats.latencies.subList(from,
                    Math.min(from + EmfDocument.MAX_VALUES, stats.latencies.size()));
            EmfDocument document = new EmfDocument(NAMESPACE, now).dimensionSet("function", "operation")
                    .dimension("function", function).dimension("operation", operation)
                    .property("action", action).property("requestId", requestId)
                    .metric("QfpayLatency", EmfDocument.MILLISECONDS, latencies);
            if (from == 0) {
                document.metric("QfpayCalls", EmfDocument.COUNT, stats.calls)
                        .metric("QfpayRetries", EmfDocument.COUNT, stats.retries)
                        .metric("QfpayFaults", EmfDocument.COUNT, stats.faultCount());
                stats.faults.forEach((kind, count) -> document.metric("QfpayFault_" + kind, EmfDocument.COUNT, count));
            }
            documents.add(document);
        }
        return documents;
    }

    private static String action() {
        String action = LogFields.get(LogFields.ACTION);
        return action == null ? InvocationOutcome.NO_ACTION : action;
    }
}
