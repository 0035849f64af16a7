package dev.rei.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat inbox: every polled update is written here before the poller acknowledges it, then
 * handled from here — one chat's updates in order, different chats at once — so a crash loses no
 * update and a redelivered one is not handled twice.
 */
public interface InboundUpdates {

  /** Keeps the updates not seen before (by {@code updateId}); returns how many were new. */
  int append(List<InboundUpdate> updates);

  /**
   * Takes the oldest unhandled update of a chat that has no other update being handled, leased for
   * {@code lease}: a handler that dies leaves it to be taken again once the lease ends.
   */
  Optional<InboundUpdate> claimNext(Instant now, Duration lease);

  /** The update is handled; it is never handed out again. */
  void markHandled(long updateId, Instant at);

  /** Unhandled updates, for the inbox-lag metric and health. */
  long pending();

  /** Forgets handled updates received before {@code before} (Telegram never resends those); returns how many. */
  int purgeHandled(Instant before);

  /**
   * One update as received. {@code chatId} orders the work (updates of one chat run in order);
   * {@code payload} is the update as the chat platform sent it (JSON), opaque to the core;
   * {@code attempts} counts the claims so far, this one included (0 before the first), so a handler
   * can give up on an update that keeps failing.
   */
  record InboundUpdate(long updateId, long chatId, String payload, Instant receivedAt, int attempts) {
    public InboundUpdate {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(receivedAt, "receivedAt");
      if (updateId < 0) {
        throw new IllegalArgumentException("update ids are not negative, was " + updateId);
      }
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
      }
    }

    /** An update just received, not claimed yet. */
    public static InboundUpdate received(long updateId, long chatId, String payload, Instant receivedAt) {
      return new InboundUpdate(updateId, chatId, payload, receivedAt, 0);
    }
  }

  /** When the oldest unhandled update was received: the inbox lag. Empty when every update is handled. */
  Optional<Instant> oldestPending();
}
