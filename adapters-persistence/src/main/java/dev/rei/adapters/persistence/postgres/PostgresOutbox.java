package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.OUTBOX;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OutboxRecord;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/** The outbox on PostgreSQL; dispatchers take due rows with {@code SKIP LOCKED}, so none is sent twice. */
public final class PostgresOutbox implements Outbox {

  private static final Condition UNSENT = OUTBOX.SENT_AT.isNull().and(OUTBOX.UNDELIVERABLE.isNull());

  private final JooqUnitOfWork db;

  public PostgresOutbox(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    db.query(dsl -> dsl.insertInto(OUTBOX)
        .set(OUTBOX.ID, message.id())
        .set(OUTBOX.CHAT_ID, message.chatId())
        .set(OUTBOX.NOTICE_TYPE, message.notice().type().name())
        .set(OUTBOX.NOTICE_VALUES, JSONB.valueOf(JSONObject.toJSONString(message.notice().values())))
        .set(OUTBOX.CREATED_AT, Times.toDb(message.createdAt()))
        .set(OUTBOX.ATTEMPTS, message.attempts())
        .set(OUTBOX.NEXT_ATTEMPT_AT, Times.toDb(message.nextAttemptAt()))
        .set(OUTBOX.SENT_AT, message.sentAt().map(Times::toDb).orElse(null))
        .set(OUTBOX.LAST_ERROR, message.lastError().orElse(null))
        .execute());
  }

  @Override
  public List<OutboxMessage> lockDue(Instant now, int limit) {
    return db.query(dsl -> dsl.selectFrom(OUTBOX).where(UNSENT).and(OUTBOX.NEXT_ATTEMPT_AT.le(Times.toDb(now)))
        .orderBy(OUTBOX.CREATED_AT, OUTBOX.SEQ).limit(limit).forUpdate().skipLocked().fetch(PostgresOutbox::toMessage));
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
    db.query(dsl -> dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, Times.toDb(nextAttemptAt))
        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1)).set(OUTBOX.LAST_ERROR, cut(error))
        .where(OUTBOX.ID.eq(id)).execute());
  }

  @Override
  public void markUndeliverable(UUID id, Instant now, String reason) {
    db.query(dsl -> dsl.update(OUTBOX).set(OUTBOX.UNDELIVERABLE, cut(reason)).set(OUTBOX.LAST_ERROR, cut(reason))
        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1)).where(OUTBOX.ID.eq(id)).execute());
  }

  @Override
  public long countUnsent() {
    return db.query(dsl -> (long) dsl.fetchCount(OUTBOX, UNSENT));
  }

  @Override
  public Optional<Instant> oldestUnsent() {
    return db.query(dsl -> Optional.ofNullable(dsl.select(org.jooq.impl.DSL.min(OUTBOX.CREATED_AT)).from(OUTBOX)
        .where(UNSENT).fetchOne(0, java.time.OffsetDateTime.class)).map(Times::fromDb));
  }

  private static String cut(String text) {
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static OutboxMessage toMessage(OutboxRecord row) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      ((Map<?, ?>) new JSONParser().parse(row.getNoticeValues().data())).forEach((k, v) -> values.put((String) k,
          (String) v));
    } catch (ParseException e) {
      throw new IllegalStateException("stored notice values are not JSON: " + row.getNoticeValues().data(), e);
    }
    return new OutboxMessage(row.getId(), row.getChatId(), Notice.of(Notice.Type.valueOf(row.getNoticeType()), values),
        Times.fromDb(row.getCreatedAt()), row.getAttempts(), Times.fromDb(row.getNextAttemptAt()),
        Optional.ofNullable(row.getSentAt()).map(Times::fromDb), Optional.ofNullable(row.getLastError()));
  }
}
