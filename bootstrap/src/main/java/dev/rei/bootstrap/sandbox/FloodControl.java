package dev.rei.bootstrap.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Telegram's flood control as token buckets (one per chat, one for the bot), refilled by an injected clock so
 * that tests decide when time passes.
 */
final class FloodControl {

  private final FloodLimits limits;
  private final InstantSource clock;
  private final Bucket overall;
  private final Map<Long, Bucket> perChat = new HashMap<>();

  FloodControl(FloodLimits limits, InstantSource clock) {
    this.limits = limits;
    this.clock = clock;
    this.overall = new Bucket(limits.overallBurst(), limits.overallPerSecond(), clock.instant());
  }

  /**
   * Takes one message from the chat's and the bot's allowance; when either is used up nothing is taken and the
   * answer is the retry_after in whole seconds (at least 1), as Telegram rounds it.
   */
  synchronized OptionalLong admit(long chatId) {
    if (!limits.enforced()) {
      return OptionalLong.empty();
    }
    Instant now = clock.instant();
    Bucket chat = perChat.computeIfAbsent(chatId,
        id -> new Bucket(limits.perChatBurst(), limits.perChatPerSecond(), now));
    chat.refill(now);
    overall.refill(now);
    double waitSeconds = Math.max(chat.secondsUntilToken(), overall.secondsUntilToken());
    if (waitSeconds > 0) {
      return OptionalLong.of(Math.max(1, (long) Math.ceil(waitSeconds)));
    }
    chat.take();
    overall.take();
    return OptionalLong.empty();
  }

  private static final class Bucket {

    private final int capacity;
    private final double perSecond;
    private double tokens;
    private Instant refilledAt;

    Bucket(int capacity, double perSecond, Instant now) {
      this.capacity = capacity;
      this.perSecond = perSecond;
      this.tokens = capacity;
      this.refilledAt = now;
    }

    void refill(Instant now) {
      // A clock that a test moves backwards refills nothing rather than draining the bucket.
      if (now.isAfter(refilledAt)) {
        double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        tokens = Math.min(capacity, tokens + elapsedSeconds * perSecond);
        refilledAt = now;
      }
    }

    double secondsUntilToken() {
      // A tiny tolerance so that exactly one second after a burst the next message is allowed.
      return tokens >= 1 - 1e-9 ? 0 : (1 - tokens) / perSecond;
    }

    void take() {
      tokens = Math.max(0, tokens - 1);
    }
  }
}
