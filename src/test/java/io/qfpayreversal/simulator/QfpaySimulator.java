package io.qfpayreversal.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qfpayreversal.testing.LoopbackServer;
import io.qfpayreversal.qfpay.RespcdMeaning;
import io.qfpayreversal.qfpay.SignType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A QFPay stand-in over real HTTP: reversal, close, query and (rejected) refund under
 * {@code /trade/v1/}. It checks {@code X-QF-APPCODE} and the signature as QFPay does and answers
 * 1108 when either is wrong. Payments are scripted one by one (see {@link Script}). The app code can
 * be an agent's ({@link #actAsAgentFor}): then each call sees only the payments of the sub-merchant
 * its {@code mchid} names.
 */
public final class QfpaySimulator implements AutoCloseable {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final Set<String> OPERATIONS = Set.of("reversal", "close", "query", "refund");

    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpServer server;
    private final Map<String, SimPayment> payments = new ConcurrentHashMap<>();
    /** In arrival order; adding stays O(1) however many calls a long run (make bench) records. */
    private final Queue<RecordedCall> calls = new ConcurrentLinkedQueue<>();
    private final AtomicLong serials = new AtomicLong(20260000000000000L);
    private final String appCode;
    private volatile String clientKey;
    private volatile long slowMillis = 3_000;
    private volatile Supplier<LocalDateTime> now = () -> LocalDateTime.now(HK);
    private volatile Runnable onCall = () -> {
    };
    private final Map<String, java.util.Deque<SimFault>> faults = new ConcurrentHashMap<>();
    /** How long each answer takes in virtual time, told to the test's wait in a response header. */
    public static final String LATENCY_HEADER = "X-Simulated-Latency-Ms";
    private volatile Duration latency;
    /** The sub-merchants the app code serves as an agent; {@code null}: not an agent. */
    private volatile Set<String> agentFor;

    private QfpaySimulator(HttpServer server, String appCode, String clientKey) {
        this.server = server;
        this.appCode = appCode;
        this.clientKey = clientKey;
    }

    /** Starts on {@code 127.0.0.1:port} (0 for any free port). */
    public static QfpaySimulator start(int port, String appCode, String clientKey) throws IOException {
        HttpServer server = LoopbackServer.create(port);
        QfpaySimulator simulator = new QfpaySimulator(server, appCode, clientKey);
        listen(server, simulator);
        return simulator;
    }

    private static void listen(HttpServer server, QfpaySimulator simulator) {
        server.createContext("/trade/v1/", simulator::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qfpay-simulator");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SimPayment add(SimPayment payment) {
        payments.put(payment.syssn, payment);
        return payment;
    }

    public SimPayment payment(String syssn) {
        return payments.get(syssn);
    }

    /** The key QFPay now expects, as after a rotation in the merchant portal. */
    public void useClientKey(String key) {
        this.clientKey = key;
    }

    public void slowMillis(long millis) {
        this.slowMillis = millis;
    }

    /** Sets QFPay's "now", which decides the query's default month. */
    public void clock(Supplier<LocalDateTime> clock) {
        this.now = clock;
    }

    /** The next {@code times} calls of {@code operation} (e.g. "reversal", "query") meet {@code fault}. */
    public void failNext(String operation, SimFault fault, int times) {
        java.util.Deque<SimFault> queue = faults.computeIfAbsent(operation, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /** Stops listening (callers get "connection refused") until {@link #resume()}. */
    public void suspend() {
        server.stop(0);
    }

    /** Listens again on the same port, with the same payments. */
    public void resume() throws IOException {
        int port = server.getAddress().getPort();
        server = LoopbackServer.create(port);
        listen(server, this);
    }

    /**
     * Every answer takes {@code perCall} of virtual time. The function's wait for an answer in
     * tests ({@code testing.SimulatedLatencyWait}) moves the clock on by it, or gives up at its
     * own time-out when that comes first: QFPay has acted then, but the answer is lost.
     */
    public void latency(Duration perCall) {
        this.latency = perCall;
    }

    /**
     * From now on the app code is an agent serving exactly {@code mchids}: a call without
     * {@code mchid} sees none of their payments (only the app code's own), a call naming a merchant
     * not served is refused, and a call naming a served one sees only that merchant's payments.
     */
    public void actAsAgentFor(String... mchids) {
        this.agentFor = Set.of(mchids);
    }

    /** Runs before every answer, e.g. to move a test's clock on as each call "takes time". */
    public void onCall(Runnable hook) {
        this.onCall = hook;
    }

    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public List<RecordedCall> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** Forgets payments, calls and hooks, and follows the real time again; keeps the key. */
    public void reset() {
        payments.clear();
        calls.clear();
        onCall = () -> {
        };
        now = () -> LocalDateTime.now(HK);
        faults.clear();
        latency = null;
        agentFor = null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String operation = exchange.getRequestURI().getPath().substring("/trade/v1/".length());
            String method = exchange.getRequestMethod();
            Map<String, String> params = parse(method.equals("GET")
                    ? exchange.getRequestURI().getRawQuery()
                    : new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8));
            String givenAppCode = exchange.getRequestHeaders().getFirst("X-QF-APPCODE");
            String signTypeHeader = exchange.getRequestHeaders().getFirst("X-QF-SIGNTYPE");
            String sign = exchange.getRequestHeaders().getFirst("X-QF-SIGN");
            onCall.run();
            Duration took = latency;
            if (took != null) {
                exchange.getResponseHeaders().set(LATENCY_HEADER, String.valueOf(took.toMillis()));
            }
            java.util.Deque<SimFault> queue = faults.get(operation);
            SimFault fault = queue == null ? null : queue.poll();
            if (fault != null && fault != SimFault.TIMEOUT_APPLIED) {
                calls.add(new RecordedCall(method, operation, params, givenAppCode, signTypeHeader, sign, "FAULT:" + fault,
                        java.time.Instant.now()));
                answerFault(exchange, fault);
                return;
            }
            Answer answer = answer(operation, method, params, givenAppCode, signTypeHeader, sign);
            if (fault == SimFault.TIMEOUT_APPLIED) {
                answer = new Answer(answer.status(), answer.body(), answer.raw(), slowMillis);
            }
            calls.add(new RecordedCall(method, operation, params, givenAppCode, signTypeHeader, sign,
                    answer.body() == null ? null : answer.body().path("respcd").asText(null), java.time.Instant.now()));
            if (answer.delayMillis() > 0) {
                sleep(answer.delayMillis());
            }
            byte[] bytes = answer.raw() != null ? answer.raw().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", answer.raw() != null ? "text/html" : "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void answerFault(HttpExchange exchange, SimFault fault) throws IOException {
        String body = switch (fault) {
            case HTML, HTTP_500, HTTP_502, HTTP_503 -> "<html><body>Bad Gateway</body></html>";
            case EMPTY, RESET -> "";
            case TRUNCATED -> "{\"respcd\":\"00";
            case HTTP_429 -> "{\"respcd\":\"1295\",\"resperr\":\"too many requests\"}";
            case BUSY -> "{\"respcd\":\"1205\",\"resperr\":\"system busy\",\"respmsg\":\"\"}";
            case TIMEOUT_APPLIED -> throw new IllegalStateException("handled with the normal answer");
        };
        if (fault == SimFault.RESET) {
            // The JDK server drops the connection, with no answer, when a handler throws.
            throw new IOException("simulated connection reset");
        }
        int status = switch (fault) {
            case HTTP_500 -> 500;
            case HTTP_502 -> 502;
            case HTTP_503 -> 503;
            case HTTP_429 -> 429;
            default -> 200;
        };
        if (fault == SimFault.HTTP_429) {
            exchange.getResponseHeaders().set("Retry-After", "2");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private Answer answer(String operation, String method, Map<String, String> params, String givenAppCode,
            String signTypeHeader, String sign) {
        if (!OPERATIONS.contains(operation)) {
            return new Answer(404, null, "<html>not found</html>", 0);
        }
        boolean getAllowed = operation.equals("close");
        if (!method.equals("POST") && !(getAllowed && method.equals("GET"))) {
            return new Answer(405, null, "<html>method not allowed</html>", 0);
        }
        SignType signType = signTypeHeader == null ? SignType.MD5 : SignType.valueOf(signTypeHeader);
        if (!appCode.equals(givenAppCode)
                || !SignatureCheck.matches(new TreeMap<>(params), clientKey, signType, sign)) {
            return ok(result("1108", "签名错误 signature error"));
        }
        Set<String> served = agentFor;
        String mchid = params.get("mchid");
        if (served != null && mchid != null && !served.contains(mchid)) {
            // QFPay's docs name no code for a merchant the app code does not act for: 1155 is the simulator's stand-in.
            return ok(result("1155", "merchant not served by this app code"));
        }
        if (operation.equals("refund")) {
            return ok(result("1297", "the simulator never refunds"));
        }
        if (operation.equals("query")) {
            return query(params);
        }
        return cancel(operation, params);
    }

    private Answer cancel(String operation, Map<String, String> params) {
        SimPayment payment = find(params);
        if (payment == null) {
            return ok(result("1136", "transaction not found"));
        }
        if (payment.meanwhileRespcd != null) {
            payment.respcd = payment.meanwhileRespcd;
            payment.cancel = payment.meanwhileCancel;
            payment.meanwhileRespcd = null;
        }
        Answer fault = fault(payment);
        if (fault != null) {
            return fault;
        }
        if (payment.script == Script.CANCEL_SERVER_ERROR) {
            return new Answer(500, null, "<html>internal error</html>", 0);
        }
        if (!String.valueOf(payment.txamt).equals(params.get("txamt"))) {
            return ok(result("1267", "amount does not match the original payment"));
        }
        if (payment.cancel != 0) {
            return ok(result("1264", "already cancelled"));
        }
        if (payment.cancelInFlight != 0) {
            return ok(result("1102", "duplicate request: a cancel of this payment is in progress"));
        }
        if (payment.respcd.equals("0000")) {
            return ok(result("1260", "the payment completed; refund it"));
        }
        boolean close = operation.equals("close");
        switch (payment.script) {
            case NOT_CANCELLABLE:
                return ok(result(close ? "1297" : "1150", "cancel not supported"));
            case PROCESSING_THEN_CANCELLED:
                payment.cancelInFlight = close ? 2 : 1;
                return ok(cancelBody(payment, "1143", "processing"));
            case PROCESSING_FOREVER:
                return ok(cancelBody(payment, "1143", "processing"));
            case CONFIRMED_ROW_LAGS:
                payment.cancelInFlight = close ? 2 : 1;
                payment.queriesUntilCancelled = Integer.MAX_VALUE;
                return ok(cancelBody(payment, "0000", "success"));
            case CANCEL_NOT_FOUND:
                return ok(result("1136", "transaction not found"));
            case PAID_DURING_CANCEL:
                payment.respcd = "0000";
                return ok(cancelBody(payment, "0000", "success"));
            default:
                payment.cancel = close ? 2 : 1;
                return ok(cancelBody(payment, "0000", "success"));
        }
    }

    private Answer query(Map<String, String> params) {
        List<SimPayment> matches;
        if (params.containsKey("syssn")) {
            matches = Arrays.stream(params.get("syssn").split(",")).distinct().map(payments::get)
                    .filter(Objects::nonNull).filter(p -> visible(p, params)).toList();
        } else {
            YearMonth month = YearMonth.from(now.get());
            LocalDateTime start = params.containsKey("start_time")
                    ? LocalDateTime.parse(params.get("start_time"), TIME) : month.atDay(1).atStartOfDay();
            LocalDateTime end = params.containsKey("end_time")
                    ? LocalDateTime.parse(params.get("end_time"), TIME) : month.atEndOfMonth().atTime(23, 59, 59);
            if (!YearMonth.from(start).equals(YearMonth.from(end))) {
                return ok(result("1201", "start_time and end_time must be in the same month"));
            }
            // QFPay filters on its own sysdtm, one calendar month at most.
            matches = payments.values().stream()
                    .filter(p -> visible(p, params))
                    .filter(p -> !p.sysdtm.isBefore(start) && !p.sysdtm.isAfter(end))
                    .filter(p -> matchesList(params.get("out_trade_no"), p.outTradeNo))
                    .filter(p -> matchesList(params.get("pay_type"), p.payType))
                    .filter(p -> matchesList(params.get("respcd"), p.respcd))
                    .toList();
        }
        for (SimPayment payment : matches) {
            Answer fault = fault(payment);
            if (fault != null) {
                return fault;
            }
        }
        matches.forEach(this::advance);
        int page = Math.max(1, intParam(params, "page", 1));
        int pageSize = Math.min(100, Math.max(1, intParam(params, "page_size", 10)));
        List<SimPayment> sorted = matches.stream().sorted(Comparator.comparing((SimPayment p) -> p.txdtm)
                .thenComparing(p -> p.syssn)).toList();
        ObjectNode body = result("0000", "");
        body.put("page", String.valueOf(page));
        body.put("page_size", pageSize);
        ArrayNode data = body.putArray("data");
        sorted.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(p -> data.add(row(p)));
        return ok(body);
    }

    /** Queries move scripted payments along: a cancel in flight lands after a few queries. */
    private void advance(SimPayment payment) {
        if (payment.cancelInFlight != 0 && payment.cancel == 0 && --payment.queriesUntilCancelled <= 0) {
            payment.cancel = payment.cancelInFlight;
        }
    }

    private Answer fault(SimPayment payment) {
        return switch (payment.script) {
            case SERVER_ERROR -> new Answer(500, null, "<html>internal error</html>", 0);
            case GARBAGE -> new Answer(200, null, "<html><body>Bad Gateway</body></html>", 0);
            case SLOW -> new Answer(200, result("1143", "slow"), null, slowMillis);
            default -> null;
        };
    }

    private SimPayment find(Map<String, String> params) {
        String syssn = params.get("syssn");
        if (syssn != null) {
            SimPayment payment = payments.get(syssn);
            return payment != null && visible(payment, params) ? payment : null;
        }
        String outTradeNo = params.get("out_trade_no");
        return payments.values().stream().filter(p -> visible(p, params)).filter(p -> p.outTradeNo.equals(outTradeNo))
                .findFirst().orElse(null);
    }

    /** Whether a call sees {@code payment}: always, unless the app code is an agent's; then only its merchant's. */
    private boolean visible(SimPayment payment, Map<String, String> params) {
        return agentFor == null || Objects.equals(payment.mchid, params.get("mchid"));
    }

    private ObjectNode row(SimPayment p) {
        ObjectNode row = json.createObjectNode();
        row.put("syssn", p.syssn);
        row.put("out_trade_no", p.outTradeNo);
        row.put("order_type", "payment");
        row.put("pay_type", p.payType);
        row.put("txamt", String.valueOf(p.txamt));
        row.put("txcurrcd", "HKD");
        row.put("txdtm", p.txdtm.format(TIME));
        row.put("sysdtm", p.sysdtm.format(TIME));
        row.put("respcd", p.respcd);
        row.put("errmsg", p.respcd.equals("0000") ? "success"
                : RespcdMeaning.isUndeterminedPayment(p.respcd) ? "processing" : "failed");
        row.put("cancel", String.valueOf(p.cancel));
        row.put("chnlsn", "chnl" + p.syssn);
        return row;
    }

    private ObjectNode cancelBody(SimPayment p, String respcd, String resperr) {
        ObjectNode body = result(respcd, resperr);
        body.put("syssn", String.valueOf(serials.incrementAndGet()));
        body.put("orig_syssn", p.syssn);
        body.put("out_trade_no", p.outTradeNo);
        body.put("txamt", String.valueOf(p.txamt));
        body.put("txcurrcd", "HKD");
        body.put("txdtm", p.txdtm.format(TIME));
        body.put("sysdtm", now.get().format(TIME));
        body.put("chnlsn", "");
        return body;
    }

    private ObjectNode result(String respcd, String resperr) {
        ObjectNode body = json.createObjectNode();
        body.put("respcd", respcd);
        body.put("resperr", resperr);
        body.put("respmsg", "");
        return body;
    }

    private static Answer ok(ObjectNode body) {
        return new Answer(200, body, null, 0);
    }

    private static boolean matchesList(String list, String value) {
        return list == null || Arrays.asList(list.split(",")).contains(value);
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        try {
            return params.containsKey(name) ? Integer.parseInt(params.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, String> parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> b, TreeMap::new));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, ObjectNode body, String raw, long delayMillis) {
    }
}
