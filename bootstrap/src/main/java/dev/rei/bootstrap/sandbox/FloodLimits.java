package dev.rei.bootstrap.sandbox;

/**
 * How many messages the emulator lets a bot send before it answers 429 with {@code retry_after}: token buckets
 * per chat and for the whole bot, refilled by the emulator's clock.
 *
 * <p>Telegram's Bot FAQ: "avoid sending more than one message per second" in a chat ("we may allow short bursts")
 * and "not more than 30 messages per second or so" overall. Only sending methods count (sendMessage, sendPhoto,
 * sendVideo, sendDocument, sendInvoice); edits, deletions and answers do not.
 *
 * @param enforced false switches every flood limit off (load tests)
 * @param perChatBurst messages a chat may receive at once before the per-chat rate applies
 * @param perChatPerSecond sustained messages per second to one chat
 * @param overallBurst messages the bot may send at once over all chats
 * @param overallPerSecond sustained messages per second over all chats
 */
public record FloodLimits(
    boolean enforced, int perChatBurst, double perChatPerSecond, int overallBurst, double overallPerSecond) {

  public FloodLimits {
    if (perChatBurst < 1 || overallBurst < 1) {
      throw new IllegalArgumentException("a burst is at least one message");
    }
    if (!(perChatPerSecond > 0) || !(overallPerSecond > 0)) {
      throw new IllegalArgumentException("a rate is positive");
    }
  }

  /** Telegram's limits: 1 message/s per chat with a burst of 3, 30 messages/s overall. */
  public static FloodLimits telegram() {
    return new FloodLimits(true, 3, 1.0, 30, 30.0);
  }

  /** No flood limits at all; the content limits (text length, callback data) still apply. */
  public static FloodLimits off() {
    return new FloodLimits(false, 1, 1.0, 1, 1.0);
  }
}
