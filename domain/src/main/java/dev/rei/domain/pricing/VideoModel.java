package dev.rei.domain.pricing;

import java.util.regex.Pattern;

/** A video model offered to users: the provider's model id and the name shown on its button. */
public record VideoModel(String id, String displayName) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");

  public VideoModel {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("video model id must be 1-60 letters, digits, '.', '_' or '-': " + id);
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
      throw new IllegalArgumentException("video model name must have 1..60 characters");
    }
  }
}
