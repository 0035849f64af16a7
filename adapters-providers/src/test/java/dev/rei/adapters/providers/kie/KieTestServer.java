package dev.rei.adapters.providers.kie;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer playing KIE's API, upload and file hosts at once, and a client pointed at it. */
abstract class KieTestServer {

  static final List<String> KEYS = List.of("kie-test-key-zero-0123456789abcdef", "kie-test-key-one-fedcba9876543210");
  static final String TASK_ID = "task_sora2_1772442000123";

  protected MockWebServer server;
  protected KieSora2Client client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new KieSora2Client(settings(1024 * 1024));
  }

  @AfterEach
  void stopServer() throws IOException {
    client.close();
    server.shutdown();
  }

  KieSettings settings(long maxVideoBytes) {
    return new KieSettings(server.url("/").toString(), server.url("/").toString(), KEYS, KieSettings.DEFAULT_MODEL,
        "portrait", 15, true, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
        maxVideoBytes, Duration.ofSeconds(15), Duration.ofMinutes(5));
  }

  String videoUrl() {
    return server.url("/files/result/video.mp4").toString();
  }
}
