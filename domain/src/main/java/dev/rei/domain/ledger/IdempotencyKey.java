package dev.rei.domain.ledger;

import java.util.Objects;

/**
 * The caller's name for one intended transfer: the same key always means the same transfer, so a
 * retried request is applied once.
 *
 * <p>Keys are 1 to 200 printable ASCII characters without spaces, e.g. {@code payment:1f3c…} or
 * {@code job:9a2e…:capture}.
 */
public record IdempotencyKey(String value) {

  public static final int MAX_LENGTH = 200;

  public IdempotencyKey {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("idempotency key must have 1.." + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException("idempotency key has a character that is not printable ASCII: " + value);
      }
    }
  }

  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  /** A key made of parts joined by ':', e.g. {@code of("job", id, "capture")}. */
  public static IdempotencyKey of(String first, Object... rest) {
    StringBuilder key = new StringBuilder(first);
    for (Object part : rest) {
      // A null part would print as "null" and make keys of different things collide.
      key.append(':').append(Objects.requireNonNull(part, "key part"));
    }
    return new IdempotencyKey(key.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
