package io.qfpayreversal.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * SSM and DynamoDB over real HTTP: a {@code moto_server} process on a free loopback port, and SDK
 * clients to seed and change parameters the way an operator would, and to create and read the
 * cancel ledger's table (moto implements DynamoDB's conditional writes).
 */
public final class MotoSsm implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "testing";
    public static final String SECRET_KEY = "testing";

    private volatile Process process;
    private final int port;
    private final AwsBasicCredentials credentials;
    private final SsmClient client;
    private final DynamoDbClient dynamoDb;
    /** The ledger table, made again when moto restarts empty. */
    private volatile String ledgerTable;

    private MotoSsm(Process process, int port, AwsBasicCredentials credentials) {
        this.process = process;
        this.port = port;
        this.credentials = credentials;
        this.client = SsmClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static MotoSsm start() throws IOException, InterruptedException {
        int port = freePort();
        return new MotoSsm(launch(port, Map.of()), port, AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /**
     * A moto that checks every request's SigV4 signature, as SSM does: it knows one IAM user, allowed
     * {@code ssm:*}, whose key {@link #accessKeyId()} / {@link #secretAccessKey()} must sign.
     */
    public static MotoSsm startCheckingSignatures() throws IOException, InterruptedException {
        int port = freePort();
        Process process = launch(port, Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "3"));
        Path script = Files.createTempFile("signing_user", ".py");
        try (InputStream in = MotoSsm.class.getResourceAsStream("/moto/signing_user.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process setup = new ProcessBuilder("python3", script.toString(), "http://127.0.0.1:" + port).start();
        String[] key = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        if (setup.waitFor() != 0 || key.length != 2) {
            process.destroy();
            throw new IOException("could not create the IAM user in moto: "
                    + new String(setup.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new MotoSsm(process, port, AwsBasicCredentials.create(key[0], key[1]));
    }

    public String accessKeyId() {
        return credentials.accessKeyId();
    }

    public String secretAccessKey() {
        return credentials.secretAccessKey();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops moto: SSM becomes unreachable (connection refused). */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Starts a fresh, empty moto on the same port. */
    public void restart() throws IOException, InterruptedException {
        process = launch(port, Map.of());
        if (ledgerTable != null) {
            createLedgerTable(ledgerTable);
        }
    }

    private static Process launch(int port, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "moto-" + port + ".log"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!listening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                process.destroyForcibly();
                throw new IOException("moto_server did not start on port " + port
                        + " (is moto installed? pip install 'moto[server]')");
            }
            Thread.sleep(100);
        }
        return process;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public void putString(String name, String value) {
        client.putParameter(b -> b.name(name).value(value).type(ParameterType.STRING).overwrite(true));
    }

    public void putSecure(String name, String value) {
        client.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
    }

    /**
     * The QFPay credentials where the function reads them: {@code <path>/app-code} and the
     * SecureString {@code <path>/client-key}.
     */
    public void putCredentials(String path, String appCode, String clientKey) {
        putString(path + "/app-code", appCode);
        putSecure(path + "/client-key", clientKey);
    }

    public void delete(String name) {
        client.deleteParameter(b -> b.name(name));
    }

    /** The cancel ledger's table as template.yaml declares it: key merchant (hash) and syssn (range), on demand. */
    public void createLedgerTable(String table) {
        ledgerTable = table;
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("merchant").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("syssn").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("merchant").keyType(KeyType.HASH),
                        k -> k.attributeName("syssn").keyType(KeyType.RANGE)));
        dynamoDb.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expires_at").enabled(true)));
    }

    /** The ledger entry of one payment attempt as stored, or an empty map. */
    public Map<String, AttributeValue> ledgerItem(String table, String merchant, String syssn) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("merchant", AttributeValue.fromS(merchant), "syssn", AttributeValue.fromS(syssn))));
        return item.hasItem() ? item.item() : Map.of();
    }

    /** Every ledger entry (a test's table is small). */
    public java.util.List<Map<String, AttributeValue>> ledgerItems(String table) {
        return dynamoDb.scan(b -> b.tableName(table)).items();
    }

    /** Empties the ledger's table between tests. */
    public void clearLedger(String table) {
        for (Map<String, AttributeValue> item : ledgerItems(table)) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("merchant", item.get("merchant"),
                    "syssn", item.get("syssn"))));
        }
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        dynamoDb.close();
        client.close();
        process.destroy();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
