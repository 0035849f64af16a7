package dev.rei.domain.provider;

import java.util.regex.Pattern;

/** A generation provider's short name, e.g. {@code kling}, {@code kie}, {@code gemini}, {@code openai}. */
public record ProviderName(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public ProviderName {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("provider name must be 1-40 lower-case letters, digits or '-': " + value);
    }
  }

  public static ProviderName of(String value) {
    return new ProviderName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
