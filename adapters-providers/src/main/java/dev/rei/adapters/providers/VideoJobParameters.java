package dev.rei.adapters.providers;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of a video job ({@link JobKind#VIDEO_TEXT}, {@link JobKind#VIDEO_IMAGE}, {@link
 * JobKind#VIDEO_VIDEO}), as the Telegram adapter writes them and the video providers read them:
 * {@code model} (the provider's model id, e.g. "kling-v2-6"; required), {@code duration} ("5" or
 * "10" seconds; required), {@code prompt} (required for text → video, optional otherwise), {@code
 * input_media} (the media key of the input photo or video; required for image → video and video →
 * video), {@code aspect_ratio} ("16:9", "9:16" or "1:1"; optional) and {@code language}.
 *
 * @param kind which of the three video kinds
 * @param model the model id, as written
 * @param durationSeconds 5 or 10
 * @param prompt the user's text, stripped; empty when none was given
 * @param inputMedia the media key of the input photo or video
 * @param aspectRatio one of {@link #ASPECT_RATIOS}
 * @param language "ru", "en"… as given; providers may ignore it
 */
public record VideoJobParameters(
    JobKind kind, String model, int durationSeconds, Optional<String> prompt, Optional<String> inputMedia,
    Optional<String> aspectRatio, Optional<String> language) {

  public static final String MODEL = "model";
  public static final String DURATION = "duration";
  public static final String PROMPT = "prompt";
  public static final String INPUT_MEDIA = "input_media";
  public static final String ASPECT_RATIO = "aspect_ratio";
  public static final String LANGUAGE = "language";

  public static final Set<JobKind> KINDS = Set.of(JobKind.VIDEO_TEXT, JobKind.VIDEO_IMAGE, JobKind.VIDEO_VIDEO);
  /** The prices are for 5 s and for 10 s (5 s × a multiplier); no other length is sold. */
  public static final Set<Integer> DURATIONS = Set.of(5, 10);
  /** The ratios every Kling video model takes. */
  public static final Set<String> ASPECT_RATIOS = Set.of("16:9", "9:16", "1:1");

  private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern MEDIA_KEY = Pattern.compile("[\\x21-\\x7E]{1,500}");

  public VideoJobParameters {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(inputMedia, "inputMedia");
    Objects.requireNonNull(aspectRatio, "aspectRatio");
    Objects.requireNonNull(language, "language");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(kind + " is not a video kind");
    }
  }

  /** What reading a job's parameters found. */
  public sealed interface Reading {

    record Valid(VideoJobParameters parameters) implements Reading {}

    /** The job cannot be run as written; {@code reason} says why, safe to store and show to admins. */
    record Invalid(String reason) implements Reading {}
  }

  /** Reads and checks {@code job}'s parameters; never throws on what a job may hold. */
  public static Reading read(Job job) {
    if (!KINDS.contains(job.kind())) {
      return new Reading.Invalid(job.kind() + " is not a video job");
    }
    JobParameters values = job.parameters();
    String model = values.get(MODEL).map(String::strip).orElse("");
    if (model.isEmpty()) {
      return new Reading.Invalid("the job names no video model");
    }
    if (!MODEL_ID.matcher(model).matches()) {
      return new Reading.Invalid("the video model " + shorten(model) + " is not a model id");
    }
    String duration = values.get(DURATION).map(String::strip).orElse("");
    if (duration.isEmpty()) {
      return new Reading.Invalid("the job has no video duration");
    }
    int seconds = duration.equals("5") ? 5 : duration.equals("10") ? 10 : 0;
    if (seconds == 0) {
      return new Reading.Invalid("the video duration must be 5 or 10 seconds, was " + shorten(duration));
    }
    Optional<String> prompt = values.get(PROMPT).map(String::strip).filter(s -> !s.isEmpty());
    if (job.kind() == JobKind.VIDEO_TEXT && prompt.isEmpty()) {
      return new Reading.Invalid("a text-to-video job has no prompt");
    }
    Optional<String> input = values.get(INPUT_MEDIA).map(String::strip).filter(s -> !s.isEmpty());
    if (job.kind() != JobKind.VIDEO_TEXT && input.isEmpty()) {
      return new Reading.Invalid("a " + (job.kind() == JobKind.VIDEO_IMAGE ? "photo" : "video")
          + "-to-video job has no input " + (job.kind() == JobKind.VIDEO_IMAGE ? "photo" : "video"));
    }
    if (input.isPresent() && !MEDIA_KEY.matcher(input.get()).matches()) {
      return new Reading.Invalid("the input media key " + shorten(input.get()) + " is not one key");
    }
    Optional<String> aspectRatio = values.get(ASPECT_RATIO).map(String::strip).filter(s -> !s.isEmpty());
    if (aspectRatio.isPresent() && !ASPECT_RATIOS.contains(aspectRatio.get())) {
      return new Reading.Invalid("unsupported video aspect ratio " + shorten(aspectRatio.get()));
    }
    Optional<String> language = values.get(LANGUAGE).map(String::strip).filter(s -> !s.isEmpty());
    return new Reading.Valid(new VideoJobParameters(job.kind(), model, seconds, prompt,
        job.kind() == JobKind.VIDEO_TEXT ? Optional.empty() : input, aspectRatio, language));
  }

  private static String shorten(String value) {
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
