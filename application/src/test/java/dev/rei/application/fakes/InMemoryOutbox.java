package dev.rei.application.fakes;

import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Outbox} over an {@link InMemoryDatabase}. */
public final class InMemoryOutbox implements Outbox {

  private final InMemoryDatabase db;

  public InMemoryOutbox(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    db.change(s -> {
      if (s.outbox.putIfAbsent(message.id(), message) != null) {
        throw new IllegalStateException("outbox message " + message.id() + " exists");
      }
    });
  }

  @Override
  public List<OutboxMessage> lockDue(Instant now, int limit) {
    return db.access(s -> s.outbox.values().stream()
        .filter(m -> isUnsent(s, m) && !m.nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing(OutboxMessage::createdAt))
        .limit(limit)
        .toList());
  }

  @Override
  public void markSent(UUID id, Instant now) {
    db.change(s -> {
      OutboxMessage m = existing(s, id);
      if (m.sentAt().isPresent()) {
        throw new IllegalStateException("message " + id + " was sent already");
      }
      s.outbox.put(id, new OutboxMessage(m.id(), m.chatId(), m.notice(), m.createdAt(), m.attempts() + 1,
          m.nextAttemptAt(), Optional.of(now), m.lastError()));
    });
  }

  @Override
  public void reschedule(UUID id, Instant nextAttemptAt, String error) {
    db.change(s -> {
      OutboxMessage m = existing(s, id);
      s.outbox.put(id, new OutboxMessage(m.id(), m.chatId(), m.notice(), m.createdAt(), m.attempts() + 1,
          nextAttemptAt, m.sentAt(), Optional.of(error)));
    });
  }

  @Override
  public void markUndeliverable(UUID id, Instant now, String reason) {
    db.change(s -> {
      OutboxMessage m = existing(s, id);
      s.undeliverable.put(id, reason);
      s.outbox.put(id, new OutboxMessage(m.id(), m.chatId(), m.notice(), m.createdAt(), m.attempts() + 1,
          m.nextAttemptAt(), m.sentAt(), Optional.of(reason)));
    });
  }

  @Override
  public long countUnsent() {
    return db.access(s -> s.outbox.values().stream().filter(m -> isUnsent(s, m)).count());
  }

  @Override
  public Optional<Instant> oldestUnsent() {
    return db.access(s -> s.outbox.values().stream()
        .filter(m -> isUnsent(s, m))
        .map(OutboxMessage::createdAt)
        .min(Comparator.naturalOrder()));
  }

  /** Every message ever written, oldest first; for tests. */
  public List<OutboxMessage> all() {
    return db.access(s -> s.outbox.values().stream().sorted(Comparator.comparing(OutboxMessage::createdAt)).toList());
  }

  private static boolean isUnsent(InMemoryDatabase.State s, OutboxMessage m) {
    return m.sentAt().isEmpty() && !s.undeliverable.containsKey(m.id());
  }

  private static OutboxMessage existing(InMemoryDatabase.State s, UUID id) {
    OutboxMessage m = s.outbox.get(id);
    if (m == null) {
      throw new IllegalStateException("no outbox message " + id);
    }
    return m;
  }
}
