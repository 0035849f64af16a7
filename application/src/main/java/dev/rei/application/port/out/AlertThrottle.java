package dev.rei.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which admin alerts went out lately, so a storm of the same alert (a key failing on
 * every job, say) sends one message per window. Runs in the caller's transaction: an alert whose
 * change rolls back was never sent and does not count.
 */
public interface AlertThrottle {

  /** At most this many characters in an alert's key. */
  int MAX_KEY_LENGTH = 200;

  /**
   * True, and remembers {@code now}, if no alert with this {@code key} was let through in the
   * {@code window} before {@code now}; false otherwise. Concurrent callers with one key: one wins.
   */
  boolean letThrough(String key, Instant now, Duration window);

  static void check(String key, Duration window) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("an alert key has 1.." + MAX_KEY_LENGTH + " characters");
    }
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("an alert window is zero or positive");
    }
  }
}
