package dev.rei.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message waiting to be sent, written in the transaction of the change it reports. {@code
 * chatId} is a Telegram chat (a user's id, or a group's negative id).
 */
public record OutboxMessage(
    UUID id,
    long chatId,
    Notice notice,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    Optional<Instant> sentAt,
    Optional<String> lastError) {

  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(lastError, "lastError");
    if (chatId == 0) {
      throw new IllegalArgumentException("chat id 0 is no chat");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts cannot be negative");
    }
  }

  /** A new message, due at once. */
  public static OutboxMessage create(UUID id, long chatId, Notice notice, Instant now) {
    return new OutboxMessage(id, chatId, notice, now, 0, now, Optional.empty(), Optional.empty());
  }
}
