package dev.rei.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small durable state the chat adapter keeps between updates and across restarts: where a user is
 * in a multi-step flow, what a button stands for (callback data holds only a short key), which
 * message shows an order's status. Values are opaque text; an entry past {@code expiresAt} is gone.
 *
 * <p>Writes take effect at once, outside any transaction in progress: a button registered while
 * the outbox sends its message (inside the dispatch's transaction) must work the moment the user
 * sees the message, not when the batch commits. A write whose surrounding change rolls back stays
 * (an unused button simply expires).
 */
public interface ChatStateStore {

  /** Sets {@code namespace/key} to {@code value} until {@code expiresAt}, replacing any earlier value. */
  void put(String namespace, String key, String value, Instant expiresAt);

  /** The value, unless absent or expired at {@code now}. */
  Optional<String> get(String namespace, String key, Instant now);

  void remove(String namespace, String key);

  /** Forgets entries expired at {@code now}; returns how many. */
  int purgeExpired(Instant now);

  /** Longest value kept: state is small, files go to the {@link MediaStore}. */
  int MAX_VALUE_LENGTH = 64_000;

  /**
   * Checks a namespace (1–40 of {@code a-z 0-9 _ -}), a key (1–200 characters) and, when given, a
   * value; every implementation refuses the same names with an {@link IllegalArgumentException}.
   */
  static void check(String namespace, String key, String value) {
    if (namespace == null || !Names.NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("a chat state namespace is 1-40 of a-z 0-9 _ -, was " + namespace);
    }
    if (key == null || key.isEmpty() || key.length() > 200) {
      throw new IllegalArgumentException("a chat state key has 1-200 characters");
    }
    if (value != null && value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("a chat state value has at most " + MAX_VALUE_LENGTH + " characters");
    }
  }

  /** Patterns of {@link #check}. */
  final class Names {
    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_-]{1,40}");

    private Names() {}
  }
}
