package dev.rei.adapters.providers.kling;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Kling API key: the access key (the JWT's issuer) and the secret key that signs the JWT. Both
 * are secrets to us; neither ever appears in {@link #toString()} or in an exception message.
 */
public final class KlingCredentials {

  // Printable ASCII without spaces: what the console hands out; anything else is a paste error.
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,512}");

  private final String accessKey;
  private final char[] secretKey;

  public KlingCredentials(String accessKey, char[] secretKey) {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (!KEY.matcher(accessKey).matches()) {
      throw new IllegalArgumentException(
          "Kling access key is empty, too short or has characters a key cannot have (spaces, quotes?)");
    }
    if (!KEY.matcher(java.nio.CharBuffer.wrap(secretKey)).matches()) {
      throw new IllegalArgumentException(
          "Kling secret key is empty, too short or has characters a key cannot have (spaces, quotes?)");
    }
    this.accessKey = accessKey;
    this.secretKey = secretKey.clone();
  }

  /** From two strings, as read from the environment. */
  public static KlingCredentials of(String accessKey, String secretKey) {
    Objects.requireNonNull(secretKey, "secretKey");
    return new KlingCredentials(accessKey, secretKey.toCharArray());
  }

  String accessKey() {
    return accessKey;
  }

  /** A copy: the caller may wipe it. */
  char[] secretKey() {
    return secretKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KlingCredentials that && accessKey.equals(that.accessKey)
        && Arrays.equals(secretKey, that.secretKey);
  }

  @Override
  public int hashCode() {
    return accessKey.hashCode();
  }

  @Override
  public String toString() {
    return "KlingCredentials[hidden]";
  }
}
