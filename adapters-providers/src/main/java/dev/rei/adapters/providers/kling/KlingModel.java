package dev.rei.adapters.providers.kling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kling video model the bot offers: the id the API takes ({@code model_name}, e.g. "kling-v2-6")
 * and the name users see ("Kling 2.6").
 */
public record KlingModel(String id, String name) {

  /** Model ids as the earlier bots wrote them (seed 000: "kling-3.0"…), and the API's ids for them. */
  static final Map<String, String> ALIASES = Map.of(
      "kling-3.0", "kling-v3", "kling-3", "kling-v3",
      "kling-2.6", "kling-v2-6", "kling-2.5-turbo", "kling-v2-5-turbo",
      "kling-2.1", "kling-v2-1", "kling-2.0", "kling-v2-master",
      "kling-1.6", "kling-v1-6", "kling-1.5", "kling-v1-5", "kling-1.0", "kling-v1");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final int MAX_NAME_LENGTH = 64;

  public KlingModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Kling model id must be like kling-v2-6, was \"" + shorten(id) + "\"");
    }
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("Kling model name must have 1.." + MAX_NAME_LENGTH
          + " printable characters, was \"" + shorten(name) + "\"");
    }
  }

  /** The API's id for {@code id}: itself, lower-cased, or the id an alias from the seeds stands for. */
  public static String canonicalId(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return ALIASES.getOrDefault(lower, lower);
  }

  /**
   * Reads {@code KLING_MODELS}: "id:Name,id:Name" (a missing name repeats the id). Ids are mapped
   * to the API's ({@link #canonicalId}); a repeated id, an empty list or a bad entry is refused with
   * one clear message.
   */
  public static List<KlingModel> parseAll(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, KlingModel> models = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String id = canonicalId(colon < 0 ? entry : entry.substring(0, colon));
      String name = colon < 0 ? entry.strip() : entry.substring(colon + 1).strip();
      KlingModel model = new KlingModel(id, name.isEmpty() ? id : name);
      if (models.putIfAbsent(id, model) != null) {
        throw new IllegalArgumentException("KLING_MODELS names the model " + id + " twice");
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("KLING_MODELS names no model; write it as id:Name,id:Name");
    }
    return List.copyOf(new ArrayList<>(models.values()));
  }

  private static String shorten(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
