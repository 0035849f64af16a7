package dev.rei.adapters.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.job.JobKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoJobParametersTest {

  @Test
  void givenATextJob_read_isValid_withEverythingStripped() {
    VideoJobParameters.Reading reading = VideoJobParameters.read(TestJobs.running(JobKind.VIDEO_TEXT, Map.of(
        "model", " kling-v2-6 ", "duration", "10", "prompt", "  a fox  ", "aspect_ratio", "9:16", "language", "ru",
        "input_media", "ignored-for-text")));

    assertThat(reading).isEqualTo(new VideoJobParameters.Reading.Valid(new VideoJobParameters(JobKind.VIDEO_TEXT,
        "kling-v2-6", 10, Optional.of("a fox"), Optional.empty(), Optional.of("9:16"), Optional.of("ru"))));
  }

  @Test
  void givenAPhotoJobWithoutCaption_read_isValid_withNoPrompt() {
    VideoJobParameters.Reading reading = VideoJobParameters.read(TestJobs.running(JobKind.VIDEO_IMAGE, Map.of(
        "model", "kling-v3", "duration", "5", "input_media", "abc123", "prompt", "   ")));

    VideoJobParameters parameters = ((VideoJobParameters.Reading.Valid) reading).parameters();
    assertThat(parameters.prompt()).isEmpty();
    assertThat(parameters.inputMedia()).contains("abc123");
    assertThat(parameters.durationSeconds()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} with {1}={2} → {3}")
  @CsvSource(delimiter = '|', value = {
      "VIDEO_TEXT | prompt | '' | no prompt",
      "VIDEO_TEXT | model | '' | no video model",
      "VIDEO_TEXT | model | Kling 2.6 | not a model id",
      "VIDEO_TEXT | duration | '' | no video duration",
      "VIDEO_TEXT | duration | 7 | 5 or 10 seconds",
      "VIDEO_TEXT | duration | 05 | 5 or 10 seconds",
      "VIDEO_TEXT | aspect_ratio | 4:3 | aspect ratio",
      "VIDEO_IMAGE | input_media | '' | no input photo",
      "VIDEO_VIDEO | input_media | '' | no input video",
      "VIDEO_IMAGE | input_media | a b | not one key",
      "IMAGE_GENERATE | prompt | x | not a video job"})
  void givenABadParameter_read_isInvalid_sayingWhy(JobKind kind, String name, String value, String reason) {
    Map<String, String> parameters = new HashMap<>(Map.of("model", "kling-v2-6", "duration", "5", "prompt", "a fox",
        "input_media", "abc123"));
    parameters.put(name, value);

    VideoJobParameters.Reading reading = VideoJobParameters.read(TestJobs.running(kind, parameters));

    assertThat(reading).isInstanceOf(VideoJobParameters.Reading.Invalid.class);
    assertThat(((VideoJobParameters.Reading.Invalid) reading).reason()).contains(reason);
  }
}
