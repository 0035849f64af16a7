package dev.rei.adapters.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.TestImages;
import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Gemini's happy paths and the request Rei sends, against a MockWebServer. */
class GeminiImageProviderTest extends GeminiTestServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] IMAGE = TestImages.solid(16, 9, Color.BLUE, "png");

  @Test
  void givenTextPrompt_submit_storesTheImage_andIsDone() {
    server.enqueue(json(200, payload("image-generated.json", imageVariables())));

    Outcome outcome = generate("a watercolor fox in a snowy birch forest");

    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    MediaStore.Media stored = media.get(((Outcome.Done) outcome).result().value()).orElseThrow();
    assertThat(stored.contentType()).isEqualTo("image/png");
    assertThat(stored.content()).containsExactly(IMAGE);
    assertThat(TestImages.decode(stored.content()).getWidth()).isEqualTo(16);
  }

  @Test
  void givenTextPrompt_theRequest_carriesTheKeyInAHeader_theModelInThePath_andTheImageConfig() throws Exception {
    server.enqueue(json(200, payload("image-generated.json", imageVariables())));

    provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "  a red fox  ", "aspect_ratio", "16:9",
        "image_size", "2k", "language", "ru")), KEY_1);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1beta/models/gemini-3-pro-image-preview:generateContent");
    assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEYS.get(1));
    assertThat(request.getRequestUrl().queryParameterNames()).isEmpty();
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.at("/contents/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/contents/0/parts")).hasSize(1);
    assertThat(body.at("/contents/0/parts/0/text").asText()).isEqualTo("a red fox");
    assertThat(body.at("/generationConfig/responseModalities").toString()).isEqualTo("[\"TEXT\",\"IMAGE\"]");
    assertThat(body.at("/generationConfig/imageConfig/aspectRatio").asText()).isEqualTo("16:9");
    // Gemini rejects a lower-case k.
    assertThat(body.at("/generationConfig/imageConfig/imageSize").asText()).isEqualTo("2K");
  }

  @Test
  void givenEdit_theRequest_carriesTheInputPhotosInline_asBase64_afterThePrompt() throws Exception {
    byte[] jpeg = TestImages.solid(40, 30, Color.ORANGE, "jpg");
    byte[] png = TestImages.solid(8, 8, Color.GREEN, "png");
    String first = media.put(jpeg, "image/jpeg");
    String second = media.put(png, "image/png");
    server.enqueue(json(200, payload("image-generated.json", imageVariables())));

    Outcome outcome = provider.submit(TestJobs.running(JobKind.IMAGE_EDIT,
        Map.of("prompt", "make it night", "input_media", first + ", " + second)), KEY_0);

    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEYS.get(0));
    JsonNode parts = JSON.readTree(request.getBody().readUtf8()).at("/contents/0/parts");
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).path("text").asText()).isEqualTo("make it night");
    assertThat(parts.get(1).at("/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
    assertThat(parts.get(1).at("/inlineData/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(jpeg));
    assertThat(parts.get(2).at("/inlineData/mimeType").asText()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(parts.get(2).at("/inlineData/data").asText())).containsExactly(png);
  }

  @Test
  void givenReferenceImagesOnAGeneration_theyAreSentToo() throws Exception {
    String reference = media.put(TestImages.solid(4, 4, Color.RED, "png"), "image/png");
    server.enqueue(json(200, payload("image-generated.json", imageVariables())));

    provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "in this style", "input_media",
        reference)), KEY_0);

    assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).at("/contents/0/parts")).hasSize(2);
  }

  @Test
  void givenThoughtDrafts_theFinalImageIsKept_neverADraft() {
    byte[] draft = TestImages.solid(16, 9, Color.RED, "png");
    server.enqueue(json(200, payload("image-with-thought-drafts.json", Map.of("DRAFT_BASE64",
        Base64.getEncoder().encodeToString(draft), "IMAGE_BASE64", Base64.getEncoder().encodeToString(IMAGE)))));

    Outcome outcome = generate("a fox");

    assertThat(media.get(((Outcome.Done) outcome).result().value()).orElseThrow().content()).containsExactly(IMAGE);
  }

  @Test
  void givenNeitherRatioNorSize_noImageConfigIsSent() throws Exception {
    server.enqueue(json(200, payload("image-generated.json", imageVariables())));

    generate("a fox");

    JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
    assertThat(body.at("/generationConfig/imageConfig").isMissingNode()).isTrue();
    assertThat(body.at("/generationConfig/responseModalities")).hasSize(2);
  }

  @Test
  void givenGemini25FlashImage_theSizeIsLeftOut_butTheRatioSent() throws Exception {
    try (GeminiImageProvider flash = new GeminiImageProvider(settings("gemini-2.5-flash-image", Duration.ofSeconds(10)),
        media)) {
      server.enqueue(json(200, payload("image-generated.json", imageVariables())));

      flash.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "a fox", "aspect_ratio", "9:16",
          "image_size", "4K")), KEY_0);

      RecordedRequest request = server.takeRequest();
      assertThat(request.getPath()).isEqualTo("/v1beta/models/gemini-2.5-flash-image:generateContent");
      JsonNode imageConfig = JSON.readTree(request.getBody().readUtf8()).at("/generationConfig/imageConfig");
      assertThat(imageConfig.path("aspectRatio").asText()).isEqualTo("9:16");
      assertThat(imageConfig.has("imageSize")).isFalse();
    }
  }

  @Test
  void name_kinds_andKeyCount_followTheSettings() {
    assertThat(provider.name()).isEqualTo(ProviderName.of("gemini"));
    assertThat(provider.kinds()).containsExactlyInAnyOrder(JobKind.IMAGE_GENERATE, JobKind.IMAGE_EDIT);
    assertThat(provider.keyCount()).isEqualTo(2);
  }

  @Test
  void poll_isRefused_sinceGeminiHasNoTasks() {
    Outcome outcome = provider.poll(new ProviderTask(KEY_0, "whatever"));

    assertFailed(outcome, FailureClass.UNKNOWN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenAKeyThatIsNotConfigured_nothingIsSent() {
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "x")),
        new KeyId(GeminiImageProvider.NAME, 2)), FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "x")),
        new KeyId(ProviderName.of("kie"), 0)), FailureClass.UNKNOWN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenAJobItCannotRun_nothingIsSent_andTheFailureSaysWhy() {
    String pdf = media.put("%PDF-1.7".getBytes(), "application/pdf");
    String big = media.put(new byte[(int) GeminiImageProvider.MAX_INPUT_BYTES - 10], "image/jpeg");
    String big2 = media.put(new byte[20], "image/jpeg");

    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x")), KEY_0),
        FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "   ")), KEY_0),
        FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "x", "aspect_ratio",
        "7:3")), KEY_0), FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x", "input_media",
        "0123456789abcdef0123456789abcdef")), KEY_0), FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("prompt", "x")), KEY_0),
        FailureClass.UNKNOWN);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x", "input_media", pdf)),
        KEY_0), FailureClass.USER_VIOLATION);
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x", "input_media",
        big + "," + big2)), KEY_0), FailureClass.USER_VIOLATION);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void noKey_isEverLogged_orPutInAFailure_evenWhenAnErrorEchoesIt() {
    Logger logger = (Logger) LoggerFactory.getLogger(GeminiImageProvider.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      server.enqueue(json(200, payload("image-generated.json", imageVariables())));
      server.enqueue(json(400, "{\"error\":{\"code\":400,\"message\":\"bad key " + KEYS.get(0)
          + "\",\"status\":\"INVALID_ARGUMENT\"}}"));
      server.enqueue(json(429, payload("error-rate-per-minute.json")));

      List<Outcome> outcomes = new ArrayList<>();
      outcomes.add(generate("a fox"));
      outcomes.add(generate("a fox"));
      outcomes.add(generate("a fox"));

      assertThat(outcomes.get(1)).isInstanceOf(Outcome.Failed.class);
      assertThat(((Outcome.Failed) outcomes.get(1)).failure().message()).contains("bad key").doesNotContain(KEYS.get(0));
      assertThat(appender.list).hasSize(3);
      for (ILoggingEvent event : appender.list) {
        for (String key : KEYS) {
          assertThat(event.getFormattedMessage()).doesNotContain(key);
        }
      }
      assertThat(provider.toString() + GeminiSettings.of(KEYS)).doesNotContain(KEYS.get(0)).doesNotContain(KEYS.get(1));
    } finally {
      logger.detachAppender(appender);
    }
  }

  static void assertFailed(Outcome outcome, FailureClass expected) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).as(((Outcome.Failed) outcome).failure().message())
        .isEqualTo(expected);
  }

  private static Map<String, String> imageVariables() {
    return Map.of("IMAGE_BASE64", Base64.getEncoder().encodeToString(IMAGE));
  }
}
