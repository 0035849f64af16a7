package dev.rei.domain.provider;

import java.util.Objects;

/**
 * Names one API key of a provider by its position in the configuration ({@code KIE_API_KEY} is
 * 0, {@code KIE_API_KEY_1} is 1, …); safe to log, unlike the key.
 */
public record KeyId(ProviderName provider, int index) {

  public KeyId {
    Objects.requireNonNull(provider, "provider");
    if (index < 0) {
      throw new IllegalArgumentException("key index cannot be negative, was " + index);
    }
  }

  @Override
  public String toString() {
    return provider + "#" + index;
  }
}
