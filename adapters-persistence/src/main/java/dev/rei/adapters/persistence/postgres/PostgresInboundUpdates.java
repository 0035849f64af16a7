package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.INBOUND_UPDATES;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.InboundUpdatesRecord;
import dev.rei.application.port.out.InboundUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.InsertValuesStep4;

/**
 * The chat inbox on PostgreSQL. A claim takes, with {@code SKIP LOCKED}, the oldest unhandled update
 * whose chat has no earlier unhandled one — so while a chat's update is being handled (leased), the
 * chat's later updates wait, and other chats go on.
 */
public final class PostgresInboundUpdates implements InboundUpdates {

  private static final String CLAIM = """
      update inbound_updates u
         set leased_until = cast(? as timestamptz), attempts = u.attempts + 1
       where u.update_id = (
             select c.update_id
               from inbound_updates c
              where c.handled_at is null
                and (c.leased_until is null or c.leased_until <= cast(? as timestamptz))
                and not exists (select 1 from inbound_updates e
                                 where e.chat_id = c.chat_id and e.handled_at is null and e.update_id < c.update_id)
              order by c.update_id
              limit 1
                for update skip locked)
      returning u.update_id, u.chat_id, u.payload, u.received_at, u.attempts
      """;

  private final JooqUnitOfWork db;

  public PostgresInboundUpdates(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public int append(List<InboundUpdate> updates) {
    Objects.requireNonNull(updates, "updates");
    if (updates.isEmpty()) {
      return 0;
    }
    return db.query(dsl -> {
      InsertValuesStep4<InboundUpdatesRecord, Long, Long, String, java.time.OffsetDateTime> insert = dsl
          .insertInto(INBOUND_UPDATES, INBOUND_UPDATES.UPDATE_ID, INBOUND_UPDATES.CHAT_ID, INBOUND_UPDATES.PAYLOAD,
              INBOUND_UPDATES.RECEIVED_AT);
      for (InboundUpdate update : updates) {
        insert = insert.values(update.updateId(), update.chatId(), update.payload(), Times.toDb(update.receivedAt()));
      }
      return insert.onConflictDoNothing().execute();
    });
  }

  @Override
  public Optional<InboundUpdate> claimNext(Instant now, Duration lease) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a lease must be positive, was " + lease);
    }
    return db.query(dsl -> dsl.resultQuery(CLAIM, Times.toDb(now.plus(lease)), Times.toDb(now)).fetchOptional(row ->
        new InboundUpdate(row.get(0, Long.class), row.get(1, Long.class), row.get(2, String.class),
            Times.fromDb(row.get(3, java.time.OffsetDateTime.class)), row.get(4, Integer.class))));
  }

  @Override
  public void markHandled(long updateId, Instant at) {
    db.query(dsl -> {
      int updated = dsl.update(INBOUND_UPDATES).set(INBOUND_UPDATES.HANDLED_AT, Times.toDb(at))
          .set(INBOUND_UPDATES.LEASED_UNTIL, (java.time.OffsetDateTime) null)
          .where(INBOUND_UPDATES.UPDATE_ID.eq(updateId)).and(INBOUND_UPDATES.HANDLED_AT.isNull()).execute();
      if (updated == 0 && !dsl.fetchExists(INBOUND_UPDATES, INBOUND_UPDATES.UPDATE_ID.eq(updateId))) {
        throw new IllegalStateException("update " + updateId + " is not in the inbox");
      }
      return null;
    });
  }

  @Override
  public long pending() {
    return db.query(dsl -> (long) dsl.fetchCount(INBOUND_UPDATES, INBOUND_UPDATES.HANDLED_AT.isNull()));
  }

  @Override
  public int purgeHandled(Instant before) {
    return db.query(dsl -> dsl.deleteFrom(INBOUND_UPDATES).where(INBOUND_UPDATES.HANDLED_AT.isNotNull())
        .and(INBOUND_UPDATES.RECEIVED_AT.lt(Times.toDb(before))).execute());
  }
  @Override
  public Optional<Instant> oldestPending() {
    return db.query(dsl -> dsl.select(org.jooq.impl.DSL.min(INBOUND_UPDATES.RECEIVED_AT)).from(INBOUND_UPDATES)
        .where(INBOUND_UPDATES.HANDLED_AT.isNull()).fetchOptional(0, java.time.OffsetDateTime.class)
        .map(Times::fromDb));
  }
}
