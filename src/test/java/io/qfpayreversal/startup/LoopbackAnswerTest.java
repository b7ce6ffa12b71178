package io.qfpayreversal.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LoopbackAnswerTest {

    @Test
    void answersOneFormPostOnLoopbackWithTheGivenJson() throws Exception {
        try (LoopbackAnswer answer = LoopbackAnswer.start("{\"respcd\":\"0000\"}")) {
            assertThat(answer.uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    answer.uri().resolve("/trade/v1/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("syssn=20260101000000000")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(response.body()).isEqualTo("{\"respcd\":\"0000\"}");
        }
    }
}
