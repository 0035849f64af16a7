package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.USERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.UsersRecord;
import dev.rei.application.port.out.UserStore;
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
    return db.query(dsl -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).fetchOptional()
        .map(UserMapper::toUser));
  }

  @Override
  public Optional<User> lock(UserId id) {
    return db.query(dsl -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).forUpdate().fetchOptional()
        .map(UserMapper::toUser));
  }

  @Override
  public boolean insertIfAbsent(User user) {
    UsersRecord row = new UsersRecord();
    UserMapper.fill(row, user);
    return db.query(dsl -> dsl.insertInto(USERS).set(row).onConflictDoNothing().execute() == 1);
  }

  @Override
  public void update(User user) {
    UsersRecord row = new UsersRecord();
    UserMapper.fill(row, user);
    // Registration is history: only what a user can change is written.
    int updated = db.query(dsl -> dsl.update(USERS)
        .set(USERS.LANGUAGE, row.getLanguage())
        .set(USERS.BANNED_AT, row.getBannedAt())
        .where(USERS.ID.eq(row.getId()))
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
}
