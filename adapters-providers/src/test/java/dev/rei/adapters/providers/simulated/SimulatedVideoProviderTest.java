package dev.rei.adapters.providers.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatedVideoProviderTest {

  private static final KeyId KEY = new KeyId(SimulatedVideoProvider.NAME, 0);
  private static final SimulatedVideoSettings TWENTY_SECONDS =
      new SimulatedVideoSettings(Duration.ofSeconds(20), Duration.ofSeconds(3));

  private final InMemoryMediaStore media = new InMemoryMediaStore();
  private final MutableClock clock = new MutableClock(TestJobs.T0);
  private final SimulatedVideoProvider instant = new SimulatedVideoProvider(media, clock, SimulatedVideoSettings.INSTANT);

  @Test
  void givenNoDelay_aTextJob_isDoneAtOnce_withARealMp4() {
    MediaStore.Media video = stored(instant.submit(text("a fox running through snow"), KEY));

    assertThat(video.contentType()).isEqualTo("video/mp4");
    assertThat(video.content().length).isBetween(10_000, 200 * 1024);
    List<String> boxes = topLevelBoxes(video.content());
    assertThat(boxes.get(0)).isEqualTo("ftyp");
    // Fast start: the index comes before the media, so a player can begin before the whole file is there.
    assertThat(boxes).contains("moov", "mdat");
    assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
    assertThat(new String(video.content(), StandardCharsets.ISO_8859_1)).contains("avc1");
  }

  @Test
  void bothSamples_areCompleteMp4Files_whoseBoxesAddUpToTheFile() {
    for (SampleVideos sample : SampleVideos.values()) {
      byte[] bytes = sample.bytes();
      assertThat(bytes.length).as(sample.name()).isLessThanOrEqualTo(200 * 1024);
      assertThat(topLevelBoxes(bytes)).as(sample.name()).startsWith("ftyp").contains("moov", "mdat");
    }
    assertThat(SampleVideos.LANDSCAPE.bytes()).isNotEqualTo(SampleVideos.PORTRAIT.bytes());
  }

  @Test
  void reelsAndPortraitOrders_getThePortraitSample_othersTheLandscapeOne() {
    String photo = media.put(new byte[] {1, 2, 3}, "image/jpeg");

    byte[] reels = stored(instant.submit(reels(Map.of("input_media", photo, "product", "Ceramic mug", "template",
        "ugc")), KEY)).content();
    byte[] portrait = stored(instant.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v3",
        "duration", "5", "prompt", "a fox", "aspect_ratio", "9:16")), KEY)).content();
    byte[] landscape = stored(instant.submit(text("a fox"), KEY)).content();

    assertThat(reels).isEqualTo(SampleVideos.PORTRAIT.bytes());
    assertThat(portrait).isEqualTo(SampleVideos.PORTRAIT.bytes());
    assertThat(landscape).isEqualTo(SampleVideos.LANDSCAPE.bytes());
  }

  @Test
  void manyJobs_shareOneStoredFile() {
    for (int i = 0; i < 5; i++) {
      instant.submit(text("fox " + i), KEY);
    }

    assertThat(media.size()).isEqualTo(1);
  }

  @Test
  void givenADelay_submitIsPending_pollsReportRisingProgress_andTheEndIsTheVideo() {
    SimulatedVideoProvider provider = new SimulatedVideoProvider(media, clock, TWENTY_SECONDS);

    Outcome submitted = provider.submit(text("a fox"), KEY);

    assertThat(submitted).isInstanceOf(Outcome.Pending.class);
    ProviderTask task = new ProviderTask(KEY, ((Outcome.Pending) submitted).taskId());
    List<Integer> progress = new ArrayList<>();
    progress.add(((Outcome.Pending) submitted).progress().percent());
    Outcome outcome = submitted;
    for (int i = 0; i < 10 && outcome instanceof Outcome.Pending; i++) {
      clock.advance(Duration.ofSeconds(3));
      outcome = provider.poll(task);
      if (outcome instanceof Outcome.Pending pending) {
        progress.add(pending.progress().percent());
        assertThat(pending.pollAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
      }
    }

    assertThat(progress).isSorted().hasSizeGreaterThan(3);
    assertThat(progress.get(0)).isZero();
    assertThat(progress.get(progress.size() - 1)).isBetween(80, 99);
    assertThat(stored(outcome).contentType()).isEqualTo("video/mp4");
  }

  @Test
  void aPoll_needsNoMemory_soANewInstanceAfterARestart_finishesTheTask() {
    Outcome submitted = new SimulatedVideoProvider(media, clock, TWENTY_SECONDS).submit(text("a fox"), KEY);
    clock.advance(Duration.ofSeconds(21));

    Outcome outcome = new SimulatedVideoProvider(media, clock, TWENTY_SECONDS)
        .poll(new ProviderTask(KEY, ((Outcome.Pending) submitted).taskId()));

    assertThat(stored(outcome).content()).isEqualTo(SampleVideos.LANDSCAPE.bytes());
  }

  @ParameterizedTest
  @EnumSource(FailureClass.class)
  void aFailMarker_inThePrompt_failsEveryAttempt_withThatClass(FailureClass failureClass) {
    String marker = "#fail:" + failureClass.name().toLowerCase(java.util.Locale.ROOT);

    for (int attempt = 1; attempt <= 3; attempt++) {
      Outcome outcome = instant.submit(TestJobs.onAttempt(JobKind.VIDEO_TEXT, Map.of("model", "kling-v3", "duration",
          "5", "prompt", "a fox " + marker), attempt), KEY);
      assertFailed(outcome, failureClass);
    }
  }

  @ParameterizedTest(name = "{0} → fails attempts up to {1}")
  @CsvSource({"#fail:rate_limit:once, 1", "#fail:TEMPORARY:2, 2", "#fail:rate-limit:always, 3"})
  void countedMarkers_failOnlyTheFirstAttempts(String marker, int failing) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      Outcome outcome = instant.submit(TestJobs.onAttempt(JobKind.VIDEO_TEXT, Map.of("model", "kling-v3", "duration",
          "5", "prompt", marker + " a fox"), attempt), KEY);
      assertThat(outcome).as("attempt " + attempt)
          .isInstanceOf(attempt <= failing ? Outcome.Failed.class : Outcome.Done.class);
    }
  }

  @Test
  void givenADelay_aFailingTask_failsWhenItsTimeIsUp_notBefore() {
    SimulatedVideoProvider provider = new SimulatedVideoProvider(media, clock, TWENTY_SECONDS);
    Outcome submitted = provider.submit(text("#fail:billing"), KEY);
    ProviderTask task = new ProviderTask(KEY, ((Outcome.Pending) submitted).taskId());

    clock.advance(Duration.ofSeconds(10));
    assertThat(provider.poll(task)).isInstanceOf(Outcome.Pending.class);
    clock.advance(Duration.ofSeconds(10));
    assertFailed(provider.poll(task), FailureClass.BILLING);
  }

  @ParameterizedTest(name = "marker in {1} of {0}")
  @CsvSource({"ugc, product", "ad, wishes", "own, prompt", "own, product"})
  void forReels_aMarker_isReadFromTheProduct_theWishes_andThePrompt(String template, String field) {
    String photo = media.put(new byte[] {1, 2, 3}, "image/jpeg");
    Map<String, String> parameters = new HashMap<>(Map.of("input_media", photo, "product", "Ceramic mug",
        "template", template, "prompt", "the mug on a table", "wishes", "warm light"));
    parameters.put(field, parameters.get(field) + " #fail:user_violation");

    assertFailed(instant.submit(reels(parameters), KEY), FailureClass.USER_VIOLATION);
  }

  @Test
  void givenJobsThatCannotRun_submitFailsUnknown_sayingWhy() {
    String photo = media.put(new byte[] {1, 2, 3}, "image/jpeg");

    assertUnknown(instant.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v3", "duration", "7",
        "prompt", "a fox")), KEY), "5 or 10");
    assertUnknown(instant.submit(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of("model", "kling-v3", "duration", "5",
        "input_media", "lost")), KEY), "not in the media store");
    assertUnknown(instant.submit(reels(Map.of("product", "mug", "template", "ugc")), KEY), "no product photo");
    assertUnknown(instant.submit(reels(Map.of("input_media", photo, "template", "ugc")), KEY), "product description");
    assertUnknown(instant.submit(reels(Map.of("input_media", "lost", "product", "mug", "template", "ad")), KEY),
        "not in the media store");
    assertUnknown(instant.submit(reels(Map.of("input_media", photo, "product", "mug", "template", "tiktok")), KEY),
        "ugc, ad or own");
    assertUnknown(instant.submit(reels(Map.of("input_media", photo, "product", "mug", "template", "own")), KEY),
        "the user's prompt");
    assertUnknown(instant.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x")), KEY),
        "does not make IMAGE_EDIT");
    assertUnknown(instant.poll(new ProviderTask(KEY, "kling1:t2v:1:2")), "not a simulated task");
  }

  @Test
  void givenTheOwnTemplate_aReelsJob_needsNoProductDescription() {
    String photo = media.put(new byte[] {1, 2, 3}, "image/jpeg");

    Outcome outcome = instant.submit(reels(Map.of("input_media", photo, "template", "own", "prompt",
        "a mug on a table, slow pan", "wishes", "-")), KEY);

    assertThat(stored(outcome).content()).isEqualTo(SampleVideos.PORTRAIT.bytes());
  }

  @Test
  void theProvider_isNamedSimulated_andMakesEveryVideoKind() {
    assertThat(instant.name().value()).isEqualTo("simulated");
    assertThat(instant.keyCount()).isEqualTo(1);
    assertThat(instant.kinds()).containsExactlyInAnyOrder(JobKind.VIDEO_TEXT, JobKind.VIDEO_IMAGE,
        JobKind.VIDEO_VIDEO, JobKind.REELS_VIDEO);
  }

  @Test
  void givenTheStoreLostTheSample_theResult_isStoredAgain() {
    InMemoryMediaStore first = new InMemoryMediaStore();
    SimulatedVideoProvider provider = new SimulatedVideoProvider(first, clock, TWENTY_SECONDS);
    Outcome submitted = provider.submit(text("a fox"), KEY);
    clock.advance(Duration.ofSeconds(30));

    // Another store behind the same provider: the key in the task id is unknown there.
    SimulatedVideoProvider restarted = new SimulatedVideoProvider(media, clock, TWENTY_SECONDS);
    Outcome outcome = restarted.poll(new ProviderTask(KEY, ((Outcome.Pending) submitted).taskId()));

    assertThat(stored(outcome).content()).isEqualTo(SampleVideos.LANDSCAPE.bytes());
  }

  private static Job text(String prompt) {
    return TestJobs.running(JobKind.VIDEO_TEXT, Map.of("model", "kling-v2-6", "duration", "5", "prompt", prompt));
  }

  private static Job reels(Map<String, String> parameters) {
    return TestJobs.running(JobKind.REELS_VIDEO, parameters);
  }

  private MediaStore.Media stored(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    return media.get(((Outcome.Done) outcome).result().value()).orElseThrow();
  }

  private static void assertFailed(Outcome outcome, FailureClass failureClass) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(failureClass);
  }

  private static void assertUnknown(Outcome outcome, String reason) {
    assertFailed(outcome, FailureClass.UNKNOWN);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains(reason);
  }

  /** The types of the top-level ISO-BMFF boxes, checking that their sizes add up to the whole file. */
  private static List<String> topLevelBoxes(byte[] file) {
    List<String> types = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(file);
    while (buffer.remaining() >= 8) {
      int start = buffer.position();
      long size = Integer.toUnsignedLong(buffer.getInt());
      byte[] type = new byte[4];
      buffer.get(type);
      if (size == 1) {
        size = buffer.getLong();
      }
      assertThat(size).as("box at " + start).isGreaterThanOrEqualTo(8).isLessThanOrEqualTo(file.length - start);
      types.add(new String(type, StandardCharsets.ISO_8859_1));
      buffer.position((int) (start + size));
    }
    assertThat(buffer.remaining()).as("bytes after the last box").isZero();
    return types;
  }
}
