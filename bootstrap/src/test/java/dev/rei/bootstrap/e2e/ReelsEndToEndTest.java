package dev.rei.bootstrap.e2e;

import static dev.rei.bootstrap.e2e.Payloads.json;
import static dev.rei.bootstrap.e2e.Payloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's worked example end to end: a Reels order of three against a MockWebServer playing
 * OpenAI (the script) and KIE.ai (upload, Sora 2 task, record, file). One video breaks the rules,
 * one is rate-limited once on createTask and then made on the other KIE key, one just works: two
 * videos delivered, two credits charged, one returned, and the status message says so.
 */
class ReelsEndToEndTest {

  private static final List<String> KIE_KEYS = List.of("kie-e2e-key-zero-0123456789abcdef", "kie-e2e-key-one-fedcba98765");
  private static final String OPENAI_KEY = "sk-proj-e2e-key-zero-000000000000";
  private static final String SCRIPT = "Vertical UGC video. A young woman in a cozy bedroom hugs the pillow and says "
      + "\"I sleep like a baby!\"";
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"(rei-[A-Za-z0-9-]+\\.[a-z]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What each of the three videos of the order meets at KIE, in the order their tasks are first asked for. */
  private enum Fate { RATE_LIMITED_ONCE, VIOLATION, SUCCESS }

  private final Map<String, Fate> fates = new LinkedHashMap<>();
  private final List<RecordedRequest> creates = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger scripts = new AtomicInteger();
  private final AtomicInteger taskNumbers = new AtomicInteger();
  private MockWebServer providers;
  private BotWorld world;

  @BeforeEach
  void start() throws Exception {
    providers = new MockWebServer();
    providers.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    providers.start();
    String root = providers.url("/").toString().replaceAll("/+$", "");
    Map<String, String> settings = new HashMap<>(Map.of(
        "REI_SIMULATED", "false",
        "GEMINI_API_KEY", "AIzaE2eDummyGeminiKeyNeverCalled000000",
        "KIE_API_KEY", KIE_KEYS.get(0),
        "KIE_API_KEY_1", KIE_KEYS.get(1),
        "KIE_BASE_URL", root,
        "KIE_UPLOAD_BASE_URL", root,
        "OPENAI_API_KEY", OPENAI_KEY,
        "OPENAI_BASE_URL", root + "/v1"));
    settings.putAll(Map.of(
        // Seed 002's example: 5 credits, 1 per video.
        "WELCOME_BONUS", "5",
        "PRICE_REELS_VIDEO", "1",
        "WORKER_IDLE_POLL_SECONDS", "1",
        "WORKER_THREADS", "3"));
    world = new BotWorld(settings).adjusting(ReelsEndToEndTest::quickRetries).start(Role.BOT, Role.WORKER);
  }

  /** A rate limit waits a minute before the retry in production; a second here. */
  private static ReiConfig quickRetries(ReiConfig config) {
    CoreSettings core = config.core();
    RetryPolicy quick = new RetryPolicy(core.retryPolicy().maxAttempts(),
        Map.of(FailureClass.RATE_LIMIT, Duration.ofSeconds(1), FailureClass.TEMPORARY, Duration.ofSeconds(1)),
        core.retryPolicy().multiplier(), core.retryPolicy().jitter());
    return config.withCore(core.withRetryPolicy(quick));
  }

  @AfterEach
  void stop() throws IOException {
    world.close();
    providers.shutdown();
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    String route = path.split("\\?")[0];
    if (route.equals("/v1/chat/completions")) {
      scripts.incrementAndGet();
      String encoded = JSON.valueToTree(SCRIPT).toString();
      return json(200, payload("openai/completion-ok.json", Map.of("CONTENT",
          encoded.substring(1, encoded.length() - 1), "FINISH", "stop")));
    }
    if (route.equals("/api/file-stream-upload")) {
      Matcher name = FILE_NAME.matcher(request.getBody().clone().readString(StandardCharsets.ISO_8859_1));
      if (!name.find()) {
        return json(400, payload("kie/error.json", Map.of("CODE", "400", "MSG", "no file")));
      }
      return json(200, payload("kie/upload-ok.json", Map.of("FILE_NAME", name.group(1),
          "DOWNLOAD_URL", providers.url("/uploads/" + name.group(1)).toString())));
    }
    if (route.equals("/api/v1/jobs/createTask")) {
      return createTask(request);
    }
    if (route.equals("/api/v1/jobs/recordInfo")) {
      String taskId = request.getRequestUrl().queryParameter("taskId");
      if (taskId != null && taskId.startsWith("task_" + Fate.VIOLATION)) {
        return json(200, payload("kie/record-fail.json", Map.of("TASK_ID", taskId, "FAIL_CODE", "400",
            "FAIL_MSG", "This content may violate our content policies.")));
      }
      return json(200, payload("kie/record-success.json", Map.of("TASK_ID", String.valueOf(taskId),
          "VIDEO_URL", providers.url("/files/" + taskId + ".mp4").toString())));
    }
    if (route.startsWith("/files/")) {
      return Payloads.mp4();
    }
    return new MockResponse().setResponseCode(404);
  }

  /** The fate of a video is given when its first task is asked for; the rate-limited one's retry then succeeds. */
  private synchronized MockResponse createTask(RecordedRequest request) {
    creates.add(request);
    String photo;
    try {
      JsonNode body = JSON.readTree(request.getBody().clone().readUtf8());
      photo = body.at("/input/image_urls/0").asText("");
    } catch (IOException e) {
      return json(400, payload("kie/error.json", Map.of("CODE", "400", "MSG", "not JSON")));
    }
    boolean seen = fates.containsKey(photo);
    Fate fate = fates.computeIfAbsent(photo, p -> Fate.values()[Math.min(fates.size(), Fate.values().length - 1)]);
    if (fate == Fate.RATE_LIMITED_ONCE && !seen) {
      return json(429, payload("kie/error.json", Map.of("CODE", "429", "MSG", "Rate limit exceeded")));
    }
    return json(200, payload("kie/create-ok.json", Map.of("TASK_ID", "task_" + fate + "_" + taskNumbers.incrementAndGet())));
  }

  @Test
  void givenThreeReels_oneBreakingTheRules_oneRateLimitedOnce_oneFine_twoAreDelivered_andOneCreditReturned() {
    EmulatedUser user = EmulatedUser.of(9301, "Nika").withLanguage("en");
    ChatMessage welcome = world.register(user);
    assertThat(welcome.buttonTexts()).contains("🎞 Reels");

    world.press(user, welcome, "🎞 Reels");
    world.awaitText(user, "Send a photo of the product");
    ChatMessage photo = world.emulator.userSendsPhoto(user, TestPng.BYTES, null);
    world.awaitTextAfter(user, photo, "Describe the product");
    ChatMessage product = world.emulator.userSends(user, "Orthopedic sleep pillow that relieves neck tension");
    world.press(user, world.awaitTextAfter(user, product, "Choose a template"), "🎥 UGC blogger");
    world.awaitTextAfter(user, product, "Any extra wishes?");
    ChatMessage wishes = world.emulator.userSends(user, "-");
    ChatMessage counts = world.awaitTextAfter(user, wishes, "How many videos?");
    assertThat(counts.buttonTexts()).contains("1 video · 1 credit", "3 videos · 3 credits", "5 videos · 5 credits");
    world.press(user, counts, "3 videos · 3 credits");
    ChatMessage confirm = world.awaitTextAfter(user, wishes, "Ready to start?");
    assertThat(confirm.visibleText()).contains("Videos: 3").contains("Price: 3 credits").contains("Balance: 5 credits");
    world.press(user, confirm, "✅ Yes, start");

    ChatMessage status = world.awaitTextAfter(user, confirm, "3 videos started");
    ChatMessage finished = world.awaitMessage(user, m -> m.messageId() == status.messageId()
        && m.visibleText().contains("🏁"));
    assertThat(finished.visibleText()).contains("Reels video × 3: 2 ready, credits returned for 1.")
        .contains("✅ sent").contains("❌ failed, credits returned");
    assertThat(finished.buttonTexts()).isEmpty();

    List<ChatMessage> videos = world.videosTo(user);
    assertThat(videos).hasSize(2).allSatisfy(video -> {
      assertThat(video.visibleText()).contains("Reels video").contains("ready");
      assertThat(world.emulator.fileBytes(video.media().fileId())).isEqualTo(Payloads.MP4);
    });
    assertThat(world.emulator.messagesTo(user.id()))
        .filteredOn(m -> m.visibleText().contains("breaks Sora 2’s rules")).singleElement()
        .satisfies(m -> assertThat(m.visibleText()).contains("1 credit returned to your balance"));
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(Credits.of(3), Credits.ZERO, Credits.of(3)));
    world.assertLedgerClean();

    // Three videos, four createTask calls: the rate-limited one was asked again, on the other KIE key.
    assertThat(scripts.get()).isEqualTo(4);
    assertThat(creates).hasSize(4);
    assertThat(fates).hasSize(3);
    String limitedPhoto = fates.entrySet().stream().filter(e -> e.getValue() == Fate.RATE_LIMITED_ONCE)
        .findFirst().orElseThrow().getKey();
    List<String> keysOfTheLimited = creates.stream().filter(r -> r.getBody().clone().readUtf8().contains(limitedPhoto))
        .map(r -> r.getHeader("Authorization")).toList();
    assertThat(keysOfTheLimited).hasSize(2).doesNotHaveDuplicates()
        .allSatisfy(key -> assertThat(KIE_KEYS).contains(key.substring("Bearer ".length())));
  }
}
