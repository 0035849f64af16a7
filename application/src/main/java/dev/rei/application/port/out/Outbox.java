package dev.rei.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Messages written with the state change they report, sent later by a dispatcher; none is ever lost. */
public interface Outbox {

  void enqueue(OutboxMessage message);

  /**
   * Locks unsent messages due at {@code now}, oldest first, at most {@code limit}, skipping those
   * other transactions hold, so several dispatchers never send one message twice.
   */
  List<OutboxMessage> lockDue(Instant now, int limit);

  void markSent(UUID id, Instant now);

  /** Counts a failed attempt and sets when to try again. */
  void reschedule(UUID id, Instant nextAttemptAt, String error);

  /** Gives up on a message that can never be delivered (the user blocked the bot); kept, with the reason. */
  void markUndeliverable(UUID id, Instant now, String reason);

  long countUnsent();

  /** When the oldest unsent message was written: the outbox lag. */
  Optional<Instant> oldestUnsent();
}
