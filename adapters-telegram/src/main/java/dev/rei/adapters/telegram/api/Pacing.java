package dev.rei.adapters.telegram.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the bot may send: Telegram allows about 30 messages a second in all and about one a
 * second per chat; above that it answers 429. Each limit is a token bucket of {@code burst}
 * messages refilled at {@code perSecond}. {@code maxReplyWait} bounds how long a direct reply to a
 * user's action waits for its chat's turn.
 */
public record Pacing(int chatBurst, double chatPerSecond, int globalBurst, double globalPerSecond,
    Duration maxReplyWait) {

  /** One message a second per chat with no burst, thirty a second in all. */
  public static final Pacing TELEGRAM = new Pacing(1, 1.0, 30, 30.0, Duration.ofSeconds(5));

  public Pacing {
    Objects.requireNonNull(maxReplyWait, "maxReplyWait");
    if (chatBurst < 1 || globalBurst < 1) {
      throw new IllegalArgumentException("a bucket holds at least one message");
    }
    if (!(chatPerSecond > 0) || !(globalPerSecond > 0)) {
      throw new IllegalArgumentException("a bucket refills at a positive rate");
    }
    if (maxReplyWait.isNegative()) {
      throw new IllegalArgumentException("maxReplyWait cannot be negative");
    }
  }
}
