package dev.rei.adapters.providers.kling;

import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
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

/** A MockWebServer playing Kling (and its file server), a provider pointed at it, and the payloads of {@code /kling/*.json}. */
abstract class KlingTestServer {

  /** Shaped like real keys, so a leak would look like one. */
  static final String ACCESS_0 = "AkTestZero0000000000000000000000";
  static final String SECRET_0 = "SkTestZeroSecret00000000000000000";
  static final String ACCESS_1 = "AkTestOne11111111111111111111111";
  static final String SECRET_1 = "SkTestOneSecret111111111111111111";
  static final KeyId KEY_0 = new KeyId(KlingVideoProvider.NAME, 0);
  static final KeyId KEY_1 = new KeyId(KlingVideoProvider.NAME, 1);
  static final String TASK_ID = "786543210987654321";
  static final Duration POLL = Duration.ofSeconds(15);

  protected MockWebServer server;
  protected InMemoryMediaStore media;
  protected MutableClock clock;
  protected KlingVideoProvider provider;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    media = new InMemoryMediaStore();
    clock = new MutableClock(TestJobs.T0);
    provider = new KlingVideoProvider(settings(), media, clock);
  }

  @AfterEach
  void stopServer() throws IOException {
    provider.close();
    server.shutdown();
  }

  KlingSettings settings() {
    return KlingSettings.of(List.of(KlingCredentials.of(ACCESS_0, SECRET_0), KlingCredentials.of(ACCESS_1, SECRET_1)))
        .withBaseUrl(server.url("/").toString())
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  Outcome submitText(String prompt) {
    return provider.submit(TestJobs.running(JobKind.VIDEO_TEXT,
        Map.of("model", "kling-v2-6", "duration", "5", "prompt", prompt)), KEY_0);
  }

  /** A task submitted at {@link TestJobs#T0} on text2video. */
  static ProviderTask task(KeyId key) {
    return new ProviderTask(key, "kling1:t2v:" + TestJobs.T0.getEpochSecond() + ":" + TASK_ID);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  static MockResponse error(int http, int code, String message) {
    return json(http, payload("error.json", Map.of("CODE", Integer.toString(code), "MESSAGE", message)));
  }

  static MockResponse submitted() {
    return json(200, payload("create-submitted.json", Map.of("TASK_ID", TASK_ID)));
  }

  static MockResponse status(String status) {
    return json(200, payload("query-status.json", Map.of("TASK_ID", TASK_ID, "STATUS", status)));
  }

  /** The payload {@code name} with each {@code ${VAR}} replaced. */
  static String payload(String name, Map<String, String> variables) {
    try (InputStream in = KlingTestServer.class.getResourceAsStream("/kling/" + name)) {
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
}
