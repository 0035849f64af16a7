package dev.rei.adapters.providers.kling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.TestImages;
import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What Rei sends to Kling when it submits a video job, and the JWT on it, against a MockWebServer. */
class KlingVideoProviderTest extends KlingTestServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUBLIC_VIDEO = "https://rei.example.org/media/abc123?sig=xyz";

  @Test
  void givenTextJob_submit_postsText2Video_andIsPendingWithTheTaskRef() throws Exception {
    server.enqueue(submitted());

    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6",
        "duration", "10", "prompt", "  a red fox running through snow  ", "language", "ru")), KEY_0);

    assertThat(outcome).isInstanceOf(Outcome.Pending.class);
    Outcome.Pending pending = (Outcome.Pending) outcome;
    assertThat(pending.taskId()).isEqualTo("kling1:t2v:" + TestJobs.T0.getEpochSecond() + ":" + TASK_ID);
    assertThat(pending.progress()).isEqualTo(Progress.of(1));
    assertThat(pending.pollAfter()).isEqualTo(KlingSettings.DEFAULT_POLL_INTERVAL);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/videos/text2video");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-v2-6");
    assertThat(body.path("prompt").asText()).isEqualTo("a red fox running through snow");
    assertThat(body.path("mode").asText()).isEqualTo("std");
    // Kling's duration is a string.
    assertThat(body.path("duration").isTextual()).isTrue();
    assertThat(body.path("duration").asText()).isEqualTo("10");
    assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(body.has("image")).isFalse();
    assertThat(body.has("callback_url")).isFalse();
  }

  @Test
  void theJwt_isHs256_signedWithTheKeysSecret_withIssExpAndNbf() throws Exception {
    server.enqueue(submitted());

    provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v3", "duration", "5", "prompt",
        "a fox")), KEY_1);

    String authorization = server.takeRequest().getHeader("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
    assertThat(parts).hasSize(3);
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    assertThat(header.path("alg").asText()).isEqualTo("HS256");
    assertThat(header.path("typ").asText()).isEqualTo("JWT");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.path("iss").asText()).isEqualTo(ACCESS_1);
    assertThat(claims.path("exp").asLong()).isEqualTo(TestJobs.T0.getEpochSecond() + 1800);
    assertThat(claims.path("nbf").asLong()).isEqualTo(TestJobs.T0.getEpochSecond() - 5);
    assertThat(parts[0] + parts[1] + parts[2]).doesNotContain("=");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET_1.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
  }

  @Test
  void theJwt_isReused_untilFiveMinutesBeforeItExpires_thenRenewed() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(submitted());
    }

    submitText("a fox");
    clock.advance(Duration.ofMinutes(24));
    submitText("a fox");
    clock.advance(Duration.ofMinutes(1));
    submitText("a fox");

    String first = server.takeRequest().getHeader("Authorization");
    String second = server.takeRequest().getHeader("Authorization");
    String third = server.takeRequest().getHeader("Authorization");
    assertThat(second).isEqualTo(first);
    assertThat(third).isNotEqualTo(first);
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(third.substring(7).split("\\.")[1]));
    assertThat(claims.path("exp").asLong()).isEqualTo(TestJobs.T0.plus(Duration.ofMinutes(25 + 30)).getEpochSecond());
  }

  @Test
  void givenPhotoJob_submit_postsImage2Video_withThePhotoAsRawBase64() throws Exception {
    byte[] jpeg = TestImages.solid(400, 300, Color.ORANGE, "jpg");
    String photo = media.put(jpeg, "image/jpeg");
    server.enqueue(submitted());

    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v2-5-turbo",
        "duration", "5", "input_media", photo)), KEY_0);

    assertThat(((Outcome.Pending) outcome).taskId()).startsWith("kling1:i2v:");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/videos/image2video");
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-v2-5-turbo");
    String image = body.path("image").asText();
    assertThat(image).doesNotStartWith("data:").doesNotContain("http");
    assertThat(Base64.getDecoder().decode(image)).isEqualTo(jpeg);
    // No caption: no prompt; no ratio: the video follows the photo.
    assertThat(body.has("prompt")).isFalse();
    assertThat(body.has("aspect_ratio")).isFalse();
    assertThat(body.path("duration").asText()).isEqualTo("5");
  }

  @Test
  void givenPhotoJob_onAnOmniModel_postsOmniVideo_withThePhotoAsFirstFrame() throws Exception {
    byte[] png = TestImages.solid(320, 320, Color.GREEN, "png");
    String photo = media.put(png, "image/png");
    server.enqueue(submitted());

    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v3-omni",
        "duration", "5", "input_media", photo, "prompt", "the plant sways")), KEY_0);

    assertThat(((Outcome.Pending) outcome).taskId()).startsWith("kling1:omni:");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/videos/omni-video");
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-v3-omni");
    assertThat(body.path("prompt").asText()).isEqualTo("the plant sways");
    assertThat(body.at("/image_list/0/type").asText()).isEqualTo("first_frame");
    assertThat(Base64.getDecoder().decode(body.at("/image_list/0/image_url").asText())).isEqualTo(png);
  }

  @Test
  void givenVideoJob_withoutAPublicMediaUrl_failsUnknown_namingPublicBaseUrl_andSendsNothing() {
    String video = media.put(new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'}, "video/mp4");

    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_VIDEO, Map.of("model", "kling-v2-6",
        "duration", "5", "input_media", video, "prompt", "make it winter")), KEY_0);

    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains("video input needs PUBLIC_BASE_URL");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenVideoJobWithAPrompt_submit_editsOurPublicCopy_onTheOmniSiblingOfTheModel() throws Exception {
    String video = media.put(new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'}, "video/mp4");
    useProvider(settings().withPublicMediaUrls(key -> key.equals(video) ? Optional.of(PUBLIC_VIDEO) : Optional.empty()));
    server.enqueue(submitted());

    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_VIDEO, Map.of("model", "kling-v3",
        "duration", "10", "input_media", video, "prompt", "make it winter")), KEY_0);

    assertThat(((Outcome.Pending) outcome).taskId()).startsWith("kling1:omni:");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/videos/omni-video");
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-v3-omni");
    assertThat(body.path("prompt").asText()).isEqualTo("Edit <<<video_1>>>: make it winter");
    assertThat(body.at("/video_list/0/video_url").asText()).isEqualTo(PUBLIC_VIDEO);
    assertThat(body.at("/video_list/0/refer_type").asText()).isEqualTo("base");
    assertThat(body.at("/video_list/0/keep_original_sound").asText()).isEqualTo("yes");
    // An edit is as long as its input: Kling ignores a duration there.
    assertThat(body.has("duration")).isFalse();
  }

  @Test
  void givenVideoJobWithoutAPrompt_submit_asksForTheNextShot_ofTheChosenLength() throws Exception {
    String video = media.put(new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'}, "video/quicktime");
    useProvider(settings().withPublicMediaUrls(key -> Optional.of(PUBLIC_VIDEO)));
    server.enqueue(submitted());

    provider.submit(TestJobs.running(JobKind.VIDEO_VIDEO, Map.of("model", "kling-v2-6", "duration", "5",
        "input_media", video)), KEY_0);

    JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-video-o1");
    assertThat(body.path("prompt").asText()).contains("<<<video_1>>>").contains("next shot");
    assertThat(body.at("/video_list/0/refer_type").asText()).isEqualTo("feature");
    assertThat(body.path("duration").asText()).isEqualTo("5");
    assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
  }

  @Test
  void givenTheSeedsModelSpelling_submit_sendsTheApisModelId() throws Exception {
    server.enqueue(submitted());

    provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-2.6", "duration", "5", "prompt",
        "a fox", "aspect_ratio", "9:16")), KEY_0);

    JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
    assertThat(body.path("model_name").asText()).isEqualTo("kling-v2-6");
    assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
  }

  @Test
  void givenAPhotoOnlyModel_forText_submitFailsUnknown_andSendsNothing() {
    Outcome outcome = provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v1-5",
        "duration", "5", "prompt", "a fox")), KEY_0);

    assertFailed(outcome, FailureClass.UNKNOWN, "from a photo only");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void givenJobsThatCannotRun_submitFails_withAClearReason_andSendsNothing() {
    String gif = media.put(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, "image/gif");
    String huge = media.put(new byte[(int) KlingVideoProvider.MAX_PHOTO_BYTES + 1], "image/jpeg");

    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6", "prompt", "x")),
        KEY_0), FailureClass.UNKNOWN, "no video duration");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v2-6", "duration", "5",
        "input_media", "missing-key")), KEY_0), FailureClass.UNKNOWN, "not in the media store");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v2-6", "duration", "5",
        "input_media", gif)), KEY_0), FailureClass.USER_VIOLATION, "JPEG or PNG");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v2-6", "duration", "5",
        "input_media", huge)), KEY_0), FailureClass.USER_VIOLATION, "10 MB");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6", "duration", "5",
        "prompt", "x".repeat(2_501))), KEY_0), FailureClass.UNKNOWN, "2500 characters");
    assertFailed(provider.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "x")), KEY_0),
        FailureClass.UNKNOWN, "does not make IMAGE_GENERATE");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6", "duration", "5",
        "prompt", "x")), new KeyId(KlingVideoProvider.NAME, 2)), FailureClass.UNKNOWN, "no Kling key");
    assertFailed(provider.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6", "duration", "5",
        "prompt", "x")), new KeyId(ProviderName.of("gemini"), 0)), FailureClass.UNKNOWN, "no Kling key");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theProvider_namesItself_andCountsTheKeyPairs() {
    assertThat(provider.name()).isEqualTo(ProviderName.of("kling"));
    assertThat(provider.keyCount()).isEqualTo(2);
    assertThat(provider.kinds()).containsExactlyInAnyOrder(JobKind.VIDEO_TEXT, JobKind.VIDEO_IMAGE,
        JobKind.VIDEO_VIDEO);
  }

  @Test
  void noKeyNorToken_everReachesTheLog_orAFailureMessage() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(KlingVideoProvider.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      server.enqueue(submitted());
      server.enqueue(error(401, 1002, "Authorization is invalid for " + ACCESS_0));
      Outcome first = submitText("a fox");
      String token = server.takeRequest().getHeader("Authorization").substring(7);
      Outcome second = submitText("a fox");

      assertThat(first).isInstanceOf(Outcome.Pending.class);
      String message = ((Outcome.Failed) second).failure().message();
      assertThat(message).doesNotContain(ACCESS_0).doesNotContain(token).contains("code 1002");
      assertThat(appender.list).isNotEmpty();
      for (ILoggingEvent event : appender.list) {
        assertThat(event.getFormattedMessage()).doesNotContain(ACCESS_0).doesNotContain(SECRET_0)
            .doesNotContain(token);
      }
    } finally {
      logger.detachAppender(appender);
    }
  }

  private void useProvider(KlingSettings settings) {
    provider.close();
    provider = new KlingVideoProvider(settings, media, clock);
  }

  static void assertFailed(Outcome outcome, FailureClass failureClass, String reason) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(failureClass);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains(reason);
  }
}
