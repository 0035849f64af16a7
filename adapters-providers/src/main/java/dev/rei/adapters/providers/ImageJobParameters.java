package dev.rei.adapters.providers;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of an image job, as the Telegram adapter writes them and the image providers read
 * them: {@code prompt} (required), {@code input_media} (comma-separated media keys; required for
 * {@link JobKind#IMAGE_EDIT}, reference images otherwise), {@code aspect_ratio} ("16:9"…),
 * {@code image_size} ("1K", "2K", "4K"; "512" for the models that have it) and {@code language}.
 *
 * @param prompt the user's text, stripped
 * @param inputMedia media keys of the input photos, in order
 * @param aspectRatio one of {@link #ASPECT_RATIOS}
 * @param imageSize one of {@link #IMAGE_SIZES}, upper-case
 * @param language "ru", "en"… as given; providers may ignore it
 */
public record ImageJobParameters(
    String prompt, List<String> inputMedia, Optional<String> aspectRatio, Optional<String> imageSize,
    Optional<String> language) {

  public static final String PROMPT = "prompt";
  public static final String INPUT_MEDIA = "input_media";
  public static final String ASPECT_RATIO = "aspect_ratio";
  public static final String IMAGE_SIZE = "image_size";
  public static final String LANGUAGE = "language";

  /** Gemini 3 Pro Image's ratios, and the extreme ones of Gemini 3.1 Flash Image. */
  public static final Set<String> ASPECT_RATIOS = Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16",
      "16:9", "21:9", "1:4", "4:1", "1:8", "8:1");
  public static final Set<String> IMAGE_SIZES = Set.of("512", "1K", "2K", "4K");
  /** Gemini 3 Pro Image takes up to 14 reference images. */
  public static final int MAX_INPUT_MEDIA = 14;

  public ImageJobParameters {
    Objects.requireNonNull(prompt, "prompt");
    inputMedia = List.copyOf(inputMedia);
    Objects.requireNonNull(aspectRatio, "aspectRatio");
    Objects.requireNonNull(imageSize, "imageSize");
    Objects.requireNonNull(language, "language");
  }

  /** What reading a job's parameters found. */
  public sealed interface Reading {

    record Valid(ImageJobParameters parameters) implements Reading {}

    /** The job cannot be run as written; {@code reason} says why, safe to store and show to admins. */
    record Invalid(String reason) implements Reading {}
  }

  /** Reads and checks {@code job}'s parameters; never throws on what a job may hold. */
  public static Reading read(Job job) {
    JobParameters values = job.parameters();
    String prompt = values.get(PROMPT).map(String::strip).orElse("");
    if (prompt.isEmpty()) {
      return new Reading.Invalid("the job has no prompt");
    }
    List<String> inputs = new ArrayList<>();
    for (String key : values.get(INPUT_MEDIA).orElse("").split(",")) {
      if (!key.isBlank()) {
        inputs.add(key.strip());
      }
    }
    if (inputs.size() > MAX_INPUT_MEDIA) {
      return new Reading.Invalid("at most " + MAX_INPUT_MEDIA + " input images, the job has " + inputs.size());
    }
    if (job.kind() == JobKind.IMAGE_EDIT && inputs.isEmpty()) {
      return new Reading.Invalid("an image edit needs at least one input image");
    }
    Optional<String> aspectRatio = values.get(ASPECT_RATIO).map(String::strip).filter(s -> !s.isEmpty());
    if (aspectRatio.isPresent() && !ASPECT_RATIOS.contains(aspectRatio.get())) {
      return new Reading.Invalid("unsupported aspect ratio " + shorten(aspectRatio.get()));
    }
    // Gemini refuses a lower-case "k"; people type it.
    Optional<String> imageSize =
        values.get(IMAGE_SIZE).map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty());
    if (imageSize.isPresent() && !IMAGE_SIZES.contains(imageSize.get())) {
      return new Reading.Invalid("unsupported image size " + shorten(imageSize.get()));
    }
    Optional<String> language = values.get(LANGUAGE).map(String::strip).filter(s -> !s.isEmpty());
    return new Reading.Valid(new ImageJobParameters(prompt, inputs, aspectRatio, imageSize, language));
  }

  private static String shorten(String value) {
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
