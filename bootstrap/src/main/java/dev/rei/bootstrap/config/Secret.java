package dev.rei.bootstrap.config;

import java.util.Objects;

/**
 * A token, key or password from the configuration. It never prints itself: {@link #toString()}
 * masks it, so a settings record can be logged whole; only {@link #reveal()} hands out the value,
 * at the one place that sends it where it belongs.
 */
public final class Secret {

  private static final String MASK = "******";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret cannot be empty");
    }
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
