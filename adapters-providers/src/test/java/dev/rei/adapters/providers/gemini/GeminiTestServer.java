package dev.rei.adapters.providers.gemini;

import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.provider.KeyId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer playing Gemini, a provider pointed at it, and the payloads of {@code /gemini/*.json}. */
abstract class GeminiTestServer {

  /** Shaped like real keys, so a leak would look like one. */
  static final List<String> KEYS =
      List.of("AIzaSyA0-test-key-zero-000000000000000", "AIzaSyB1-test-key-one-1111111111111111");
  static final KeyId KEY_0 = new KeyId(GeminiImageProvider.NAME, 0);
  static final KeyId KEY_1 = new KeyId(GeminiImageProvider.NAME, 1);

  protected MockWebServer server;
  protected InMemoryMediaStore media;
  protected GeminiImageProvider provider;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    media = new InMemoryMediaStore();
    provider = new GeminiImageProvider(settings(GeminiSettings.DEFAULT_MODEL, Duration.ofSeconds(10)), media);
  }

  @AfterEach
  void stopServer() throws IOException {
    provider.close();
    server.shutdown();
  }

  GeminiSettings settings(String model, Duration readTimeout) {
    return new GeminiSettings(server.url("/").toString(), model, KEYS, Duration.ofSeconds(5), readTimeout);
  }

  Outcome generate(String prompt) {
    return provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", prompt)), KEY_0);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=UTF-8")
        .setBody(body);
  }

  /** The payload {@code name} with each {@code ${VAR}} replaced. */
  static String payload(String name, Map<String, String> variables) {
    try (InputStream in = GeminiTestServer.class.getResourceAsStream("/gemini/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no payload " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> variable : variables.entrySet()) {
        text = text.replace("${" + variable.getKey() + "}", variable.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String payload(String name) {
    return payload(name, Map.of());
  }
}
