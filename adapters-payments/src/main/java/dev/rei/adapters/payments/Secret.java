package dev.rei.adapters.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (an API key, a shop's secret key, a webhook path secret) that never shows itself:
 * {@link #toString()} masks it, so a settings record or an exception message cannot leak it.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Refuses blanks and characters no credential has (a stray quote or space from a .env file). */
  public static Secret of(String value, String name) {
    Objects.requireNonNull(name, "name");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (value.length() > 512 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      // Never quote the value: this line ends up in a log.
      throw new IllegalArgumentException(name + " is longer than 512 characters or has characters a secret cannot "
          + "have (spaces, quotes, non-ASCII)");
    }
    return new Secret(value);
  }

  /** The secret itself, for the one place that must send or hash it. */
  public String reveal() {
    return value;
  }

  /** Compares in time independent of where the texts differ, so a caller cannot guess the secret byte by byte. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        secret.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
