package io.qfpayreversal.demo;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the packaged function the way the managed Java runtime calls it: the classes and
 * {@code lib/} of {@code function.zip} on the class path, {@code QuarkusStreamHandler::handleRequest}
 * with a stream and a context. Events come one per line from the file in {@code args[0]}; each
 * answer, or the error Lambda would report, is printed one per line.
 */
public final class LocalLambda {

    private static final long TIMEOUT_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        List<String> events = Files.readAllLines(Path.of(args[0]));
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        for (String event : events) {
            if (event.isBlank()) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String answer;
            try {
                handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                        new LocalContext(System.currentTimeMillis() + TIMEOUT_MILLIS));
                answer = out.toString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                // What the Lambda runtime reports for a thrown exception.
                answer = JSON.writeValueAsString(Map.of("errorType", e.getClass().getName(),
                        "errorMessage", String.valueOf(e.getMessage())));
            }
            System.out.println("ANSWER " + answer);
        }
        System.exit(0);
    }

    private record LocalContext(long deadline) implements Context {
        private static final String ID = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return ID;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/qfpay-reversal";
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return "qfpay-reversal";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:ap-east-1:000000000000:function:qfpay-reversal";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) (deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
