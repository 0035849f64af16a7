package dev.rei.adapters.providers.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.providers.TestImages;
import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatedImageProviderTest {

  private static final KeyId KEY = new KeyId(SimulatedImageProvider.NAME, 0);
  private static final SimulatedImageSettings TEN_SECONDS =
      new SimulatedImageSettings(Duration.ofSeconds(10), Duration.ofSeconds(3));

  private final InMemoryMediaStore media = new InMemoryMediaStore();
  private final MutableClock clock = new MutableClock(TestJobs.T0);
  private final SimulatedImageProvider instant = new SimulatedImageProvider(media, clock, SimulatedImageSettings.INSTANT);

  @Test
  void givenNoDelay_submit_isDoneAtOnce_withARealPng() {
    Outcome outcome = instant.submit(generate("a watercolor fox in a snowy birch forest"), KEY);

    MediaStore.Media png = stored(outcome);
    assertThat(png.contentType()).isEqualTo("image/png");
    BufferedImage image = TestImages.decode(png.content());
    assertThat(image.getWidth()).isEqualTo(512);
    assertThat(image.getHeight()).isEqualTo(512);
  }

  @ParameterizedTest(name = "{0} at {1} → {2}×{3}")
  @CsvSource({"1K, 1:1, 512, 512", "4K, 16:9, 1024, 576", "512, 9:16, 144, 256", "2K, 3:4, 576, 768",
      "1k, 21:9, 512, 219"})
  void theImageSize_isAScaledDownImageSize_inTheAspectRatio(String size, String ratio, int width, int height) {
    Outcome outcome = instant.submit(TestJobs.running(JobKind.IMAGE_GENERATE,
        Map.of("prompt", "a fox", "image_size", size, "aspect_ratio", ratio)), KEY);

    BufferedImage image = TestImages.decode(stored(outcome).content());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }

  @Test
  void givenAnyPrompt_theImageIsStillValid() {
    String[] prompts = {"Рыжая лиса в заснеженном лесу, акварель", "🦊🌲❄️ emoji only", "x".repeat(10_000),
        "a\nmulti\nline\nprompt", "supercalifragilisticexpialidocious".repeat(20)};
    for (String prompt : prompts) {
      assertThat(TestImages.decode(stored(instant.submit(generate(prompt), KEY)).content()).getWidth()).isEqualTo(512);
    }
  }

  @Test
  void givenAnEdit_theInputPhotoShowsThrough() {
    String photo = media.put(TestImages.solid(300, 200, Color.RED, "jpg"), "image/jpeg");

    Outcome edited = instant.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "same prompt",
        "input_media", photo)), KEY);
    Outcome generated = instant.submit(generate("same prompt"), KEY);

    int editedCorner = TestImages.decode(stored(edited).content()).getRGB(2, 2);
    int generatedCorner = TestImages.decode(stored(generated).content()).getRGB(2, 2);
    assertThat(editedCorner).isNotEqualTo(generatedCorner);
    assertThat((editedCorner >> 16) & 0xff).isGreaterThan((generatedCorner >> 16) & 0xff);
  }

  @Test
  void givenAMissingInputPhoto_orNoPrompt_itFailsAsUnknown() {
    assertFailed(instant.submit(TestJobs.running(JobKind.IMAGE_EDIT, Map.of("prompt", "x", "input_media",
        "00000000000000000000000000000000")), KEY), FailureClass.UNKNOWN);
    assertFailed(instant.submit(TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("language", "ru")), KEY),
        FailureClass.UNKNOWN);
    assertFailed(instant.submit(TestJobs.running(JobKind.VIDEO_TEXT, Map.of("prompt", "x")), KEY),
        FailureClass.UNKNOWN);
  }

  @Test
  void givenADelay_itIsPending_reportsProgressOnEachPoll_andIsDoneAtTheEnd() {
    SimulatedImageProvider slow = new SimulatedImageProvider(media, clock, TEN_SECONDS);

    Outcome.Pending submitted = (Outcome.Pending) slow.submit(generate("a fox"), KEY);
    assertThat(submitted.progress()).isEqualTo(Progress.NONE);
    assertThat(submitted.pollAfter()).isEqualTo(Duration.ofSeconds(3));
    ProviderTask task = new ProviderTask(KEY, submitted.taskId());

    clock.advance(Duration.ofSeconds(3));
    Outcome.Pending third = (Outcome.Pending) slow.poll(task);
    assertThat(third.progress()).isEqualTo(Progress.of(30));
    assertThat(third.taskId()).isEqualTo(submitted.taskId());

    clock.advance(Duration.ofSeconds(6));
    Outcome.Pending ninth = (Outcome.Pending) slow.poll(task);
    assertThat(ninth.progress()).isEqualTo(Progress.of(90));
    assertThat(ninth.pollAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(TestImages.decode(stored(slow.poll(task)).content()).getWidth()).isEqualTo(512);
  }

  @Test
  void givenARestartMidTask_aNewInstance_finishesIt() {
    Outcome.Pending submitted = (Outcome.Pending) new SimulatedImageProvider(media, clock, TEN_SECONDS)
        .submit(generate("a fox"), KEY);

    clock.advance(Duration.ofMinutes(1));
    SimulatedImageProvider afterRestart = new SimulatedImageProvider(media, clock, SimulatedImageSettings.SANDBOX);

    assertThat(afterRestart.poll(new ProviderTask(KEY, submitted.taskId()))).isInstanceOf(Outcome.Done.class);
  }

  @ParameterizedTest
  @EnumSource(FailureClass.class)
  void givenAFailMarker_everyFailureClassCanBeAskedFor(FailureClass failureClass) {
    String name = failureClass.name().toLowerCase(Locale.ROOT);

    assertFailed(instant.submit(generate("a fox #fail:" + name), KEY), failureClass);
    assertFailed(instant.submit(generate("#FAIL:" + failureClass.name() + " a fox"), KEY), failureClass);
    assertFailed(instant.submit(generate("a fox #Fail:" + name.replace('_', '-') + " please"), KEY), failureClass);
  }

  @Test
  void givenOnce_onlyTheFirstAttemptFails_andTheRetrySucceeds() {
    Map<String, String> once = Map.of("prompt", "a fox #fail:temporary:once");

    assertFailed(instant.submit(TestJobs.onAttempt(JobKind.IMAGE_GENERATE, once, 1), KEY), FailureClass.TEMPORARY);
    assertThat(instant.submit(TestJobs.onAttempt(JobKind.IMAGE_GENERATE, once, 2), KEY)).isInstanceOf(Outcome.Done.class);
  }

  @Test
  void givenACount_thatManyAttemptsFail_andWithoutOne_allDo() {
    Map<String, String> twice = Map.of("prompt", "#fail:rate_limit:2 a fox");
    Map<String, String> always = Map.of("prompt", "#fail:rate_limit a fox");

    assertFailed(instant.submit(TestJobs.onAttempt(JobKind.IMAGE_GENERATE, twice, 2), KEY), FailureClass.RATE_LIMIT);
    assertThat(instant.submit(TestJobs.onAttempt(JobKind.IMAGE_GENERATE, twice, 3), KEY)).isInstanceOf(Outcome.Done.class);
    assertFailed(instant.submit(TestJobs.onAttempt(JobKind.IMAGE_GENERATE, always, 3), KEY), FailureClass.RATE_LIMIT);
  }

  @Test
  void givenAMarkerNamingNoFailureClass_itIsJustText() {
    assertThat(instant.submit(generate("a fox #fail:nonsense #fail: #fail"), KEY)).isInstanceOf(Outcome.Done.class);
  }

  @Test
  void givenADelay_aFailureComesAtTheEnd_afterProgress() {
    SimulatedImageProvider slow = new SimulatedImageProvider(media, clock, TEN_SECONDS);

    Outcome.Pending submitted = (Outcome.Pending) slow.submit(generate("a fox #fail:billing"), KEY);
    ProviderTask task = new ProviderTask(KEY, submitted.taskId());
    clock.advance(Duration.ofSeconds(5));
    assertThat(slow.poll(task)).isInstanceOf(Outcome.Pending.class);

    clock.advance(Duration.ofSeconds(5));
    assertFailed(slow.poll(task), FailureClass.BILLING);
    assertThat(media.size()).isZero();
  }

  @Test
  void givenATaskItDidNotStart_pollFailsAsUnknown() {
    assertFailed(instant.poll(new ProviderTask(KEY, "task-7f3a")), FailureClass.UNKNOWN);
    assertFailed(instant.poll(new ProviderTask(KEY, "sim1:1:1:fail-NOT_A_CLASS")), FailureClass.UNKNOWN);
    assertFailed(instant.poll(new ProviderTask(KEY, "sim1:1:1:done-../../etc/passwd")), FailureClass.UNKNOWN);
  }

  @Test
  void nameKindsAndKeys() {
    assertThat(instant.name().value()).isEqualTo("simulated-image");
    assertThat(instant.kinds()).containsExactlyInAnyOrder(JobKind.IMAGE_GENERATE, JobKind.IMAGE_EDIT);
    assertThat(instant.keyCount()).isEqualTo(1);
  }

  private static Job generate(String prompt) {
    return TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", prompt));
  }

  private MediaStore.Media stored(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    return media.get(((Outcome.Done) outcome).result().value()).orElseThrow();
  }

  private static void assertFailed(Outcome outcome, FailureClass expected) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(expected);
  }
}
