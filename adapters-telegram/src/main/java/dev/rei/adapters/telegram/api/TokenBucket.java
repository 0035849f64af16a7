package dev.rei.adapters.telegram.api;

/**
 * A token bucket over a nanosecond clock: {@code capacity} tokens, refilled at {@code perSecond}.
 * Not thread-safe; {@link ChatPacer} guards it.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long refilledAt;
  private long pausedUntil;

  TokenBucket(int capacity, double perSecond, long now) {
    this.capacity = capacity;
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.tokens = capacity;
    this.refilledAt = now;
    this.pausedUntil = now;
  }

  /** Nanoseconds until one token is there (0 when one is there now). */
  long waitNanos(long now) {
    refill(now);
    long pause = Math.max(0, pausedUntil - now);
    if (tokens >= 1.0) {
      return pause;
    }
    long refillWait = (long) Math.ceil((1.0 - tokens) / perNano);
    return Math.max(pause, refillWait);
  }

  /** Takes a token; the caller checked {@link #waitNanos} is 0. */
  void take(long now) {
    refill(now);
    tokens -= 1.0;
  }

  /**
   * Sends nothing before {@code until} (Telegram said "retry after"), then one message, then at
   * the normal rate: no burst right after a flood warning.
   */
  void pauseUntil(long until) {
    if (until - pausedUntil > 0) {
      pausedUntil = until;
      tokens = 1.0;
      refilledAt = until;
    }
  }

  /** Whether the bucket is full and not paused: it can be forgotten without changing anything. */
  boolean isIdle(long now) {
    refill(now);
    return tokens >= capacity && now - pausedUntil >= 0;
  }

  private void refill(long now) {
    long since = now - refilledAt;
    if (since > 0) {
      tokens = Math.min(capacity, tokens + since * perNano);
      refilledAt = now;
    }
  }
}
