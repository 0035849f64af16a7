package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.OUTBOX;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OutboxRecord;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The outbox on PostgreSQL; dispatchers take due rows with {@code SKIP LOCKED}, so none is sent twice. */
public final class PostgresOutbox implements Outbox {

  private static final Condition UNSENT = OUTBOX.SENT_AT.isNull().and(OUTBOX.UNDELIVERABLE.isNull());

  private final JooqUnitOfWork db;

  public PostgresOutbox(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    OutboxRecord row = new OutboxRecord();
    OutboxMapper.fill(row, message);
    db.query(dsl -> dsl.insertInto(OUTBOX).set(row).execute());
  }

  @Override
  public List<OutboxMessage> lockDue(Instant now, int limit) {
    return db.query(dsl -> dsl.selectFrom(OUTBOX).where(UNSENT).and(OUTBOX.NEXT_ATTEMPT_AT.le(Times.toDb(now)))
        .orderBy(OUTBOX.CREATED_AT, OUTBOX.SEQ).limit(limit).forUpdate().skipLocked().fetch(OutboxMapper::toMessage));
  }

  @Override
  public void markSent(UUID id, Instant now) {
    int updated = db.query(dsl -> dsl.update(OUTBOX).set(OUTBOX.SENT_AT, Times.toDb(now))
        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1)).where(OUTBOX.ID.eq(id)).and(OUTBOX.SENT_AT.isNull()).execute());
    if (updated != 1) {
      throw new IllegalStateException("outbox message " + id + " is unknown or was sent already");
    }
  }

  @Override
  public void reschedule(UUID id, Instant nextAttemptAt, String error) {
    requireOne(id, db.query(dsl -> dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, Times.toDb(nextAttemptAt))
        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1)).set(OUTBOX.LAST_ERROR, cut(error))
        .where(OUTBOX.ID.eq(id)).execute()));
  }

  @Override
  public void markUndeliverable(UUID id, Instant now, String reason) {
    requireOne(id, db.query(dsl -> dsl.update(OUTBOX).set(OUTBOX.UNDELIVERABLE, cut(reason))
        .set(OUTBOX.LAST_ERROR, cut(reason)).set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
        .where(OUTBOX.ID.eq(id)).execute()));
  }

  private static void requireOne(UUID id, int updated) {
    if (updated != 1) {
      throw new IllegalStateException("no outbox message " + id);
    }
  }

  @Override
  public long countUnsent() {
    return db.query(dsl -> (long) dsl.fetchCount(OUTBOX, UNSENT));
  }

  @Override
  public Optional<Instant> oldestUnsent() {
    return db.query(dsl -> Optional.ofNullable(dsl.select(DSL.min(OUTBOX.CREATED_AT)).from(OUTBOX)
        .where(UNSENT).fetchOne(0, OffsetDateTime.class)).map(Times::fromDb));
  }

  private static String cut(String text) {
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
