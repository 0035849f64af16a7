package dev.rei.adapters.providers.reels;

import dev.rei.adapters.providers.kie.KieSettings;
import dev.rei.adapters.providers.openai.OpenAiSettings;
import dev.rei.application.fakes.InMemoryKeyHealthStore;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.fakes.MutableClock;
import dev.rei.domain.provider.KeyPoolPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One MockWebServer playing OpenAI, KIE's API, KIE's upload host and the file host, answering each
 * path from its own queue (a call nobody expected gets HTTP 599), and a Reels provider pointed at it.
 */
abstract class ReelsTestServer {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final List<String> KIE_KEYS = List.of("kie-test-key-zero-0123456789abcdef", "kie-test-key-one-fedcba98765");
  static final List<String> OPENAI_KEYS = List.of("sk-proj-test-key-zero-000000000000", "sk-proj-test-key-one-11111111111",
      "sk-proj-test-key-two-22222222222");
  static final String CHAT = "/v1/chat/completions";
  static final String UPLOAD = "/api/file-stream-upload";
  static final String CREATE = "/api/v1/jobs/createTask";
  static final String RECORD = "/api/v1/jobs/recordInfo";
  static final String FILES = "/files/";

  private final Map<String, Queue<MockResponse>> answers = new ConcurrentHashMap<>();
  protected final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  protected MockWebServer server;
  protected InMemoryMediaStore media;
  protected InMemoryKeyHealthStore keyHealth;
  protected MutableClock clock;
  protected ReelsVideoProvider provider;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getPath() == null ? "" : request.getPath();
        String route = path.startsWith(FILES) ? FILES : path.split("\\?")[0];
        MockResponse answer = answers.getOrDefault(route, new ConcurrentLinkedQueue<>()).poll();
        return answer != null ? answer : new MockResponse().setResponseCode(599).setBody("unexpected " + route);
      }
    });
    server.start();
    media = new InMemoryMediaStore();
    keyHealth = new InMemoryKeyHealthStore();
    clock = new MutableClock(NOW);
    provider = new ReelsVideoProvider(settings(), keyHealth, media, clock);
  }

  @AfterEach
  void stopServer() throws IOException {
    provider.close();
    server.shutdown();
  }

  ReelsSettings settings() {
    KieSettings kie = new KieSettings(server.url("/").toString(), server.url("/").toString(), KIE_KEYS,
        KieSettings.DEFAULT_MODEL, "portrait", 10, true, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(10), 1024 * 1024, Duration.ofSeconds(15), Duration.ofMinutes(5));
    OpenAiSettings openAi = new OpenAiSettings(server.url("/v1/").toString(), "gpt-4o-mini", OPENAI_KEYS,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000);
    return new ReelsSettings(kie, openAi, ReelsTemplates.bundled(), KeyPoolPolicy.DEFAULT);
  }

  void answer(String route, MockResponse response) {
    answers.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(response);
  }

  List<RecordedRequest> requestsTo(String route) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.getPath() != null && r.getPath().startsWith(route)).toList();
    }
  }

  String fileUrl(String name) {
    return server.url(FILES + name).toString();
  }
}
