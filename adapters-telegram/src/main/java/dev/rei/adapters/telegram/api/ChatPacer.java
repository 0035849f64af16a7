package dev.rei.adapters.telegram.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The one limiter every message to Telegram goes through, outbox and direct replies alike: a
 * global bucket and one bucket per chat ({@link Pacing}), plus pauses Telegram asked for with
 * {@code retry_after}. Taking a slot never sleeps; callers decide whether to wait or retry later.
 */
public final class ChatPacer {

  private static final int CLEANUP_EVERY = 1_000;

  private final Pacing pacing;
  private final LongSupplier nanoTime;
  private final TokenBucket global;
  private final Map<Long, TokenBucket> chats = new HashMap<>();
  private int takesSinceCleanup;

  public ChatPacer(Pacing pacing, LongSupplier nanoTime) {
    this.pacing = pacing;
    this.nanoTime = nanoTime;
    this.global = new TokenBucket(pacing.globalBurst(), pacing.globalPerSecond(), nanoTime.getAsLong());
  }

  public static ChatPacer systemClock(Pacing pacing) {
    return new ChatPacer(pacing, System::nanoTime);
  }

  public Pacing pacing() {
    return pacing;
  }

  /**
   * Takes a slot for one message to {@code chatId} and answers {@link Duration#ZERO}, or takes
   * nothing and answers how long until a slot may be free.
   */
  public synchronized Duration tryTake(long chatId) {
    long now = nanoTime.getAsLong();
    TokenBucket chat = chats.computeIfAbsent(chatId, id -> newChatBucket(now));
    long wait = Math.max(global.waitNanos(now), chat.waitNanos(now));
    if (wait > 0) {
      return Duration.ofNanos(wait);
    }
    global.take(now);
    chat.take(now);
    if (++takesSinceCleanup >= CLEANUP_EVERY) {
      forgetIdleChats(now);
    }
    return Duration.ZERO;
  }

  /** Telegram answered 429 for {@code chatId}: nothing more to that chat for {@code retryAfter}. */
  public synchronized void pauseChat(long chatId, Duration retryAfter) {
    long now = nanoTime.getAsLong();
    chats.computeIfAbsent(chatId, id -> newChatBucket(now)).pauseUntil(now + retryAfter.toNanos());
  }

  private TokenBucket newChatBucket(long now) {
    return new TokenBucket(pacing.chatBurst(), pacing.chatPerSecond(), now);
  }

  private void forgetIdleChats(long now) {
    takesSinceCleanup = 0;
    for (Iterator<TokenBucket> it = chats.values().iterator(); it.hasNext(); ) {
      if (it.next().isIdle(now)) {
        it.remove();
      }
    }
  }

  synchronized int trackedChats() {
    return chats.size();
  }
}
