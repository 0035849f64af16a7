package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.state.ImageProfile;
import dev.rei.domain.pricing.ImageSize;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The image options a user chooses (aspect ratio, size) and the job parameters every image order
 * carries, as the provider adapters read them: prompt, image_size, aspect_ratio, language and, for
 * edits and references, input_media (comma-separated MediaStore keys).
 */
final class ImageOptions {

  /** The ratios offered, in the order shown; all are Gemini 3 Pro Image's. */
  static final List<String> RATIOS = List.of("1:1", "3:4", "4:3", "9:16", "16:9", "2:3", "3:2");

  private ImageOptions() {}

  /** "16:9", also typed as "16x9", "16/9" or "16×9"; empty for anything not offered. */
  static Optional<String> ratio(String text) {
    String normalized = text.strip().toLowerCase(Locale.ROOT).replace('x', ':').replace('/', ':').replace('×', ':');
    return RATIOS.contains(normalized) ? Optional.of(normalized) : Optional.empty();
  }

  /** "2K" or "2k"; empty for anything else. */
  static Optional<ImageSize> size(String text) {
    String normalized = text.strip().toUpperCase(Locale.ROOT);
    for (ImageSize size : ImageSize.values()) {
      if (size.label().equals(normalized) || size.name().equals(normalized)) {
        return Optional.of(size);
      }
    }
    return Optional.empty();
  }

  /** The profile's size; a stored name no version knows reads as the default. */
  static ImageSize sizeOf(ImageProfile profile) {
    for (ImageSize size : ImageSize.values()) {
      if (size.name().equals(profile.size())) {
        return size;
      }
    }
    return ImageSize.K1;
  }

  static String ratioOf(ImageProfile profile) {
    return RATIOS.contains(profile.aspectRatio()) ? profile.aspectRatio() : ImageProfile.DEFAULT_RATIO;
  }

  static Map<String, String> parameters(ChatUser user, String prompt, ImageProfile profile, List<String> inputMedia) {
    Map<String, String> parameters = new TreeMap<>();
    parameters.put(ImageFlow.PROMPT, prompt);
    parameters.put(ImageFlow.IMAGE_SIZE, sizeOf(profile).label());
    parameters.put(ImageFlow.ASPECT_RATIO, ratioOf(profile));
    parameters.put(ImageFlow.LANGUAGE, user.language().code());
    if (!inputMedia.isEmpty()) {
      parameters.put(ImageFlow.INPUT_MEDIA, String.join(",", inputMedia));
    }
    return parameters;
  }
}
