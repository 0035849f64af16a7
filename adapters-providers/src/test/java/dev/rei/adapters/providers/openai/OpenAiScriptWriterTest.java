package dev.rei.adapters.providers.openai;

import static dev.rei.adapters.providers.ReelsPayloads.json;
import static dev.rei.adapters.providers.ReelsPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.openai.OpenAiScriptWriter.Result;
import dev.rei.adapters.providers.openai.OpenAiScriptWriter.ScriptRequest;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The script writer against a MockWebServer playing OpenAI's chat completions. */
class OpenAiScriptWriterTest {

  static final List<String> KEYS = List.of("sk-proj-test-key-zero-0000000000000000", "sk-proj-test-key-one-111111111111111");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScriptRequest REQUEST = new ScriptRequest("You write UGC scripts.", "Write one Sora prompt.",
      "Ортопедическая подушка для сна, снимает напряжение", Optional.of("Добавь динамичную музыку"), "ru");

  private MockWebServer server;
  private OpenAiScriptWriter writer;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    writer = new OpenAiScriptWriter(settings(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() throws IOException {
    writer.close();
    server.shutdown();
  }

  private OpenAiSettings settings(Duration readTimeout) {
    return new OpenAiSettings(server.url("/v1").toString(), "gpt-4o-mini", KEYS, Duration.ofSeconds(5), readTimeout,
        1_500);
  }

  private static String completion(String content, String finish) throws IOException {
    // The content as a JSON string without its quotes.
    String encoded = JSON.writeValueAsString(content);
    return payload("openai/completion-ok.json", Map.of("CONTENT", encoded.substring(1, encoded.length() - 1),
        "FINISH", finish));
  }

  @Test
  void givenACompletion_write_returnsTheScript() throws IOException {
    server.enqueue(json(200, completion("A cozy bedroom, morning light. A young woman holds the pillow…", "stop")));

    Result result = writer.write(REQUEST, 0);

    assertThat(result).isEqualTo(new Result.Written("A cozy bedroom, morning light. A young woman holds the pillow…"));
  }

  @Test
  void theRequest_carriesTheKeyAsBearer_theModel_theTemplateAsSystem_andTheProductAsUser() throws Exception {
    server.enqueue(json(200, completion("script", "stop")));

    writer.write(REQUEST, 1);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEYS.get(1));
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(1_500);
    assertThat(body.has("temperature")).isFalse();
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/0/content").asText()).contains("You write UGC scripts.", "Write one Sora prompt.");
    assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/1/content").asText())
        .contains("Ортопедическая подушка", "Добавь динамичную музыку", ": ru")
        .doesNotContain("Write one Sora prompt.");
  }

  @Test
  void givenNoWishes_theUserMessageSaysNone() throws Exception {
    server.enqueue(json(200, completion("script", "stop")));

    writer.write(new ScriptRequest("s", "i", "подушка", Optional.empty(), "en"), 0);

    String user = JSON.readTree(server.takeRequest().getBody().readUtf8()).at("/messages/1/content").asText();
    assertThat(user).contains("нет").endsWith(": en");
  }

  @Test
  void givenAScriptInACodeFence_orInQuotes_theWrappingIsStripped() throws IOException {
    server.enqueue(json(200, completion("```text\nA pillow on a bed.\n```", "stop")));
    server.enqueue(json(200, completion("\"A pillow on a bed.\"", "stop")));
    server.enqueue(json(200, completion("\"Wow\", she says.", "stop")));

    assertThat(writer.write(REQUEST, 0)).isEqualTo(new Result.Written("A pillow on a bed."));
    assertThat(writer.write(REQUEST, 0)).isEqualTo(new Result.Written("A pillow on a bed."));
    // Quotes inside the script are the blogger's lines, kept.
    assertThat(writer.write(REQUEST, 0)).isEqualTo(new Result.Written("\"Wow\", she says."));
  }

  @Test
  void givenAScriptCutByTheTokenLimit_itIsUsed_andNeverLongerThanSoraTakes() throws IOException {
    server.enqueue(json(200, completion("x".repeat(12_000), "length")));

    Result result = writer.write(REQUEST, 0);

    assertThat(((Result.Written) result).script()).hasSize(OpenAiScriptWriter.MAX_SCRIPT_LENGTH);
  }

  @ParameterizedTest(name = "HTTP {0} {1} → {2}")
  @CsvSource({
      "429, error-insufficient-quota.json, BILLING",
      "429, error-rate-limit.json, RATE_LIMIT",
      "401, error-invalid-key.json, BILLING",
      "403, error-region.json, BILLING",
      "400, error-content-policy.json, USER_VIOLATION",
      "500, error-server.json, TEMPORARY",
      "503, error-server.json, TEMPORARY",
      "404, error-model-not-found.json, UNKNOWN",
  })
  void givenAnError_theFailureClass_followsOpenAisCode(int status, String file, FailureClass expected) {
    server.enqueue(json(status, payload("openai/" + file)));

    Result result = writer.write(REQUEST, 0);

    assertThat(result).isInstanceOf(Result.Failed.class);
    assertThat(((Result.Failed) result).failure().failureClass()).isEqualTo(expected);
  }

  @Test
  void givenInsufficientQuota_theMessageSaysSo() {
    server.enqueue(json(429, payload("openai/error-insufficient-quota.json")));

    Result.Failed failed = (Result.Failed) writer.write(REQUEST, 0);

    assertThat(failed.failure().message()).startsWith("OpenAI HTTP 429 insufficient_quota").contains("quota");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "completion-refusal.json, USER_VIOLATION",
      "completion-content-filter.json, USER_VIOLATION",
      "completion-no-choices.json, TEMPORARY",
  })
  void givenA200WithoutAScript_theFailureClass_followsTheAnswer(String file, FailureClass expected) {
    server.enqueue(json(200, payload("openai/" + file)));

    Result result = writer.write(REQUEST, 0);

    assertThat(((Result.Failed) result).failure().failureClass()).isEqualTo(expected);
  }

  @Test
  void givenAnEmptyOrMalformedCompletion_itIsTemporary() throws IOException {
    server.enqueue(json(200, completion("   ", "stop")));
    server.enqueue(json(200, "{\"choices\": [ {\"message\": "));
    server.enqueue(json(200, "<html>502 Bad Gateway</html>"));
    server.enqueue(json(200, "null"));
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));

    for (int i = 0; i < 5; i++) {
      Result result = writer.write(REQUEST, 0);
      assertThat(result).as("answer %d", i).isInstanceOf(Result.Failed.class);
      assertThat(((Result.Failed) result).failure().failureClass()).as("answer %d", i).isEqualTo(FailureClass.TEMPORARY);
    }
  }

  @Test
  void givenNoAnswerInTime_itIsTemporary() throws IOException {
    writer.close();
    writer = new OpenAiScriptWriter(settings(Duration.ofMillis(300)));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    Result result = writer.write(REQUEST, 0);

    assertThat(((Result.Failed) result).failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
  }

  @Test
  void givenAnErrorQuotingTheKey_theFailureNeverCarriesIt() {
    server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEYS.get(0)
        + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    Result.Failed failed = (Result.Failed) writer.write(REQUEST, 0);

    assertThat(failed.failure().message()).doesNotContain(KEYS.get(0)).contains("[key]");
  }

  @Test
  void givenAKeyIndexOutOfRange_nothingIsSent() {
    Result result = writer.write(REQUEST, 2);

    assertThat(((Result.Failed) result).failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void settings_hideTheKeys_andRefuseBadValues() {
    OpenAiSettings settings = OpenAiSettings.of(KEYS);

    assertThat(settings.toString()).doesNotContain(KEYS.get(0)).contains("2 (hidden)");
    assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1/");
    assertThat(settings.withBaseUrl("https://proxy.example/v1").baseUrl()).isEqualTo("https://proxy.example/v1/");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenAiSettings.of(List.of("sk bad key")))
        .hasMessageContaining("key #0").hasMessageNotContaining("sk bad key");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenAiSettings.of(List.of()))
        .hasMessageContaining("1..100");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.withModel("gpt 4"))
        .hasMessageContaining("OPENAI_MODEL");
  }
}
