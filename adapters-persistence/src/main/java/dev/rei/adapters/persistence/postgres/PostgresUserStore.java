package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.USERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.UsersRecord;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Users in the {@code users} table. */
public final class PostgresUserStore implements UserStore {

  private final JooqUnitOfWork db;

  public PostgresUserStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public Optional<User> find(UserId id) {
    return db.query(dsl -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).fetchOptional().map(PostgresUserStore::toUser));
  }

  @Override
  public Optional<User> lock(UserId id) {
    return db.query(dsl -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).forUpdate().fetchOptional()
        .map(PostgresUserStore::toUser));
  }

  @Override
  public boolean insertIfAbsent(User user) {
    return db.query(dsl -> dsl.insertInto(USERS)
        .set(USERS.ID, user.id().value())
        .set(USERS.REGISTERED_AT, Times.toDb(user.registeredAt()))
        .set(USERS.LANGUAGE, user.language().name())
        .set(USERS.BANNED_AT, user.bannedAt().map(Times::toDb).orElse(null))
        .onConflictDoNothing()
        .execute() == 1);
  }

  @Override
  public void update(User user) {
    int updated = db.query(dsl -> dsl.update(USERS)
        .set(USERS.LANGUAGE, user.language().name())
        .set(USERS.BANNED_AT, user.bannedAt().map(Times::toDb).orElse(null))
        .where(USERS.ID.eq(user.id().value()))
        .execute());
    if (updated != 1) {
      throw new IllegalStateException("no user " + user.id());
    }
  }

  @Override
  public long count() {
    return db.query(dsl -> (long) dsl.fetchCount(USERS));
  }

  @Override
  public long countRegisteredSince(Instant since) {
    return db.query(dsl -> (long) dsl.fetchCount(USERS, USERS.REGISTERED_AT.ge(Times.toDb(since))));
  }

  private static User toUser(UsersRecord row) {
    return User.restore(UserId.of(row.getId()), Times.fromDb(row.getRegisteredAt()), Language.valueOf(row.getLanguage()),
        row.getBannedAt() == null ? null : Times.fromDb(row.getBannedAt()));
  }
}
