package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.CHAT_STATE;

import dev.rei.application.port.out.ChatStateStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat adapter's small state on PostgreSQL, one row per namespace and key. Writes commit on
 * their own connection at once (see {@link ChatStateStore}).
 */
public final class PostgresChatStateStore implements ChatStateStore {

  private final JooqUnitOfWork db;

  public PostgresChatStateStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void put(String namespace, String key, String value, Instant expiresAt) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    ChatStateStore.check(namespace, key, value);
    db.queryAlone(dsl -> dsl.insertInto(CHAT_STATE)
        .set(CHAT_STATE.NAMESPACE, namespace).set(CHAT_STATE.KEY, key)
        .set(CHAT_STATE.VALUE, value).set(CHAT_STATE.EXPIRES_AT, Times.toDb(expiresAt))
        .onConflict(CHAT_STATE.NAMESPACE, CHAT_STATE.KEY).doUpdate()
        .set(CHAT_STATE.VALUE, value).set(CHAT_STATE.EXPIRES_AT, Times.toDb(expiresAt))
        .execute());
  }

  @Override
  public Optional<String> get(String namespace, String key, Instant now) {
    ChatStateStore.check(namespace, key, null);
    return db.query(dsl -> dsl.select(CHAT_STATE.VALUE).from(CHAT_STATE)
        .where(CHAT_STATE.NAMESPACE.eq(namespace)).and(CHAT_STATE.KEY.eq(key))
        .and(CHAT_STATE.EXPIRES_AT.gt(Times.toDb(now)))
        .fetchOptional(CHAT_STATE.VALUE));
  }

  @Override
  public void remove(String namespace, String key) {
    ChatStateStore.check(namespace, key, null);
    db.queryAlone(dsl -> dsl.deleteFrom(CHAT_STATE).where(CHAT_STATE.NAMESPACE.eq(namespace))
        .and(CHAT_STATE.KEY.eq(key)).execute());
  }

  @Override
  public int purgeExpired(Instant now) {
    return db.query(dsl -> dsl.deleteFrom(CHAT_STATE).where(CHAT_STATE.EXPIRES_AT.le(Times.toDb(now))).execute());
  }
}
