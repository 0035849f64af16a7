package dev.rei.adapters.telegram.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's image preferences as kept between sessions: the current prompt (/prompt; empty for none),
 * the aspect ratio ("1:1"…) and size (an {@code ImageSize} name) of every image job, and the
 * MediaStore keys of their reference photos, in the order they were added.
 */
public record ImageProfile(String prompt, String aspectRatio, String size, List<String> references) {

  public static final String DEFAULT_RATIO = "1:1";
  public static final String DEFAULT_SIZE = "K1";
  public static final ImageProfile DEFAULT = new ImageProfile("", DEFAULT_RATIO, DEFAULT_SIZE, List.of());

  public ImageProfile {
    prompt = prompt == null ? "" : prompt;
    aspectRatio = aspectRatio == null ? DEFAULT_RATIO : aspectRatio;
    size = size == null ? DEFAULT_SIZE : size;
    references = references == null ? List.of() : List.copyOf(references);
  }

  @JsonIgnore
  public boolean hasPrompt() {
    return !prompt.isBlank();
  }

  public ImageProfile withPrompt(String newPrompt) {
    return new ImageProfile(Objects.requireNonNull(newPrompt, "newPrompt"), aspectRatio, size, references);
  }

  public ImageProfile withAspectRatio(String ratio) {
    return new ImageProfile(prompt, Objects.requireNonNull(ratio, "ratio"), size, references);
  }

  public ImageProfile withSize(String newSize) {
    return new ImageProfile(prompt, aspectRatio, Objects.requireNonNull(newSize, "newSize"), references);
  }

  public ImageProfile withReference(String key) {
    List<String> more = new ArrayList<>(references);
    more.add(Objects.requireNonNull(key, "key"));
    return new ImageProfile(prompt, aspectRatio, size, more);
  }

  public ImageProfile withoutReference(String key) {
    List<String> fewer = new ArrayList<>(references);
    fewer.remove(key);
    return new ImageProfile(prompt, aspectRatio, size, fewer);
  }

  public ImageProfile withoutReferences() {
    return new ImageProfile(prompt, aspectRatio, size, List.of());
  }
}
