package dev.rei.bootstrap.e2e;

import static dev.rei.bootstrap.e2e.Payloads.json;
import static dev.rei.bootstrap.e2e.Payloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Kling account out of money, end to end: two key pairs against a MockWebServer playing Kling,
 * the first answering code 1102 (balance). The job on it fails and returns its credits, the key is
 * blocked, every later job goes to the second key, and the admin hears about it once.
 */
class KlingBillingEndToEndTest {

  /** Shaped like real key pairs, so a leak would look like one. */
  private static final String ACCESS_0 = "AkE2eZero00000000000000000000000";
  private static final String SECRET_0 = "SkE2eZeroSecret000000000000000000";
  private static final String ACCESS_1 = "AkE2eOne111111111111111111111111";
  private static final String SECRET_1 = "SkE2eOneSecret1111111111111111111";
  private static final EmulatedUser ADMIN = EmulatedUser.of(9001, "Admin").withLanguage("en");
  private static final Credits BONUS = Credits.of(100);
  private static final Credits PRICE = Credits.of(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyId KEY_0 = new KeyId(ProviderName.of("kling"), 0);
  private static final KeyId KEY_1 = new KeyId(ProviderName.of("kling"), 1);

  private final Map<String, AtomicInteger> createsByIssuer = new ConcurrentHashMap<>();
  private final AtomicLong taskIds = new AtomicLong(786_543_210_987_654_000L);
  private MockWebServer kling;
  private BotWorld world;

  @BeforeEach
  void start() throws Exception {
    kling = new MockWebServer();
    kling.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    kling.start();
    Map<String, String> settings = new HashMap<>(Map.of(
        "REI_SIMULATED", "false",
        "GEMINI_API_KEY", "AIzaE2eDummyGeminiKeyNeverCalled000000",
        "KLING_ACCESS_KEY", ACCESS_0,
        "KLING_SECRET_KEY", SECRET_0,
        "KLING_ACCESS_KEY_1", ACCESS_1,
        "KLING_SECRET_KEY_1", SECRET_1,
        "KLING_BASE_URL", kling.url("/").toString().replaceAll("/+$", ""),
        "KLING_POLL_SECONDS", "1",
        "ADMIN_IDS", Long.toString(ADMIN.id())));
    settings.putAll(Map.of(
        "WELCOME_BONUS", "100",
        "PRICE_VIDEO_5S", "20",
        "WORKER_IDLE_POLL_SECONDS", "1",
        "WORKER_THREADS", "2"));
    world = new BotWorld(settings).start(Role.BOT, Role.WORKER);
  }

  @AfterEach
  void stop() throws IOException {
    world.close();
    kling.shutdown();
  }

  /** Kling as the two accounts see it: the first out of money, the second making every video. */
  private MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    if (path.startsWith("/files/")) {
      return Payloads.mp4();
    }
    String[] parts = path.split("\\?")[0].split("/");
    // /v1/videos/{endpoint} creates a task, /v1/videos/{endpoint}/{taskId} queries one.
    if (parts.length == 4 && "POST".equals(request.getMethod())) {
      String issuer = issuer(request.getHeader("Authorization"));
      createsByIssuer.computeIfAbsent(issuer, i -> new AtomicInteger()).incrementAndGet();
      if (ACCESS_0.equals(issuer)) {
        return json(429, payload("kling/error.json", Map.of("CODE", "1102",
            "MESSAGE", "Account balance not enough")));
      }
      return json(200, payload("kling/create-submitted.json",
          Map.of("TASK_ID", Long.toString(taskIds.incrementAndGet()))));
    }
    if (parts.length == 5 && "GET".equals(request.getMethod())) {
      String taskId = parts[4];
      return json(200, payload("kling/query-succeed.json", Map.of("TASK_ID", taskId,
          "VIDEO_URL", kling.url("/files/" + taskId + ".mp4").toString())));
    }
    return json(404, payload("kling/error.json", Map.of("CODE", "1203", "MESSAGE", "resource not found")));
  }

  /** The {@code iss} of the JWT Kling gets: the access key of the pair that signed it. */
  private static String issuer(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "none";
    }
    String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt[1])).path("iss").asText("none");
    } catch (IOException | RuntimeException e) {
      return "unreadable";
    }
  }

  private int createsWith(String accessKey) {
    return createsByIssuer.getOrDefault(accessKey, new AtomicInteger()).get();
  }

  private static EmulatedUser user(long id) {
    return EmulatedUser.of(id, "User " + id).withLanguage("en");
  }

  /** What ended the user's order: a video, or the message that the credits came back. */
  private ChatMessage orderEnd(EmulatedUser user) {
    return world.awaitMessage(user, m -> m.media() != null || m.visibleText().contains("returned to your balance"));
  }

  private List<ChatMessage> alertsToTheAdmin() {
    return world.emulator.messagesTo(ADMIN.id()).stream().filter(m -> m.visibleText().contains("Alert")).toList();
  }

  @Test
  void givenTheFirstKeyOutOfMoney_itsJobReturnsTheCredits_laterJobsUseTheNextKey_andTheAdminIsAlertedOnce() {
    List<EmulatedUser> first = List.of(user(9101), user(9102));
    List<EmulatedUser> burst = List.of(user(9201), user(9202), user(9203), user(9204));
    List<EmulatedUser> everyone = new ArrayList<>(first);
    everyone.addAll(burst);
    everyone.add(ADMIN);
    world.inParallel(everyone, world::register);

    // Two orders one after the other: round-robin sends exactly one of them to the first key.
    List<ChatMessage> ends = new ArrayList<>();
    for (EmulatedUser user : first) {
      world.press(user, world.videoQuote(user, "Kling 2.6", "5 s — 20 credits", "a lighthouse in a storm"),
          "✅ Confirm");
      ends.add(orderEnd(user));
    }

    assertThat(createsWith(ACCESS_0)).isEqualTo(1);
    assertThat(ends).filteredOn(m -> m.media() != null).hasSize(1);
    ChatMessage refusal = ends.stream().filter(m -> m.media() == null).findFirst().orElseThrow();
    assertThat(refusal.visibleText()).contains("temporary technical problem").contains("20 credits returned");
    EmulatedUser refused = first.get(ends.indexOf(refusal));
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(refused).isEmpty());
    assertThat(world.balance(refused)).isEqualTo(new UserBalance(BONUS, Credits.ZERO, BONUS));

    // A burst of orders at once: none of them tries the blocked key.
    List<ChatMessage> quotes = world.inParallel(burst,
        user -> world.videoQuote(user, "Kling 2.6", "5 s — 20 credits", "a fox running through snow"));
    for (int i = 0; i < burst.size(); i++) {
      world.press(burst.get(i), quotes.get(i), "✅ Confirm");
    }
    for (EmulatedUser user : burst) {
      ChatMessage video = orderEnd(user);
      assertThat(video.media()).as("the video of user %s", user.id()).isNotNull();
      assertThat(VideoEndToEndTest.isMp4(world.emulator.fileBytes(video.media().fileId()))).isTrue();
    }

    assertThat(createsWith(ACCESS_0)).isEqualTo(1);
    assertThat(createsWith(ACCESS_1)).isEqualTo(1 + burst.size());
    assertThat(world.get(UnitOfWork.class).inTransaction(() -> world.get(KeyHealthStore.class)
        .health(List.of(KEY_0, KEY_1))))
        .extracting(health -> health.block().map(KeyBlock::cause))
        .containsExactly(Optional.of(KeyEffect.BLOCK), Optional.empty());
    for (EmulatedUser user : burst) {
      Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
      assertThat(world.balance(user).available()).isEqualTo(BONUS.minus(PRICE));
    }
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> !alertsToTheAdmin().isEmpty());
    assertThat(alertsToTheAdmin()).singleElement().satisfies(alert -> assertThat(alert.visibleText())
        .contains("provider_billing").contains("kling#0").doesNotContain(ACCESS_0).doesNotContain(SECRET_0));
    world.assertLedgerClean();
  }
}
