package dev.rei.adapters.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.job.JobKind;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageJobParametersTest {

  @Test
  void givenEveryParameter_theyAreReadAndTidied() {
    ImageJobParameters.Reading reading = ImageJobParameters.read(TestJobs.running(JobKind.IMAGE_EDIT, Map.of(
        "prompt", "  make it night \n", "input_media", " a1 ,, b2 ,", "aspect_ratio", " 4:5 ", "image_size", "4k",
        "language", "ru")));

    assertThat(reading).isEqualTo(new ImageJobParameters.Reading.Valid(new ImageJobParameters("make it night",
        java.util.List.of("a1", "b2"), Optional.of("4:5"), Optional.of("4K"), Optional.of("ru"))));
  }

  @Test
  void givenOnlyAPrompt_theRestIsEmpty() {
    ImageJobParameters parameters = ((ImageJobParameters.Reading.Valid) ImageJobParameters.read(
        TestJobs.running(JobKind.IMAGE_GENERATE, Map.of("prompt", "a fox", "aspect_ratio", "", "image_size", " "))))
        .parameters();

    assertThat(parameters.inputMedia()).isEmpty();
    assertThat(parameters.aspectRatio()).isEmpty();
    assertThat(parameters.imageSize()).isEmpty();
    assertThat(parameters.language()).isEmpty();
  }

  @Test
  void givenWhatAProviderCannotRun_itIsInvalid_withAReason() {
    String fifteen = IntStream.range(0, 15).mapToObj(i -> "k" + i).collect(Collectors.joining(","));
    assertInvalid(JobKind.IMAGE_GENERATE, Map.of("language", "en"), "no prompt");
    assertInvalid(JobKind.IMAGE_EDIT, Map.of("prompt", "x", "input_media", " , "), "at least one input image");
    assertInvalid(JobKind.IMAGE_GENERATE, Map.of("prompt", "x", "input_media", fifteen), "at most 14");
    assertInvalid(JobKind.IMAGE_GENERATE, Map.of("prompt", "x", "aspect_ratio", "16x9"), "aspect ratio \"16x9\"");
    assertInvalid(JobKind.IMAGE_GENERATE, Map.of("prompt", "x", "image_size", "8K"), "image size \"8K\"");
  }

  private static void assertInvalid(JobKind kind, Map<String, String> parameters, String reason) {
    ImageJobParameters.Reading reading = ImageJobParameters.read(TestJobs.running(kind, parameters));
    assertThat(reading).isInstanceOf(ImageJobParameters.Reading.Invalid.class);
    assertThat(((ImageJobParameters.Reading.Invalid) reading).reason()).contains(reason);
  }
}
