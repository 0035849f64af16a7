package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.USERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.UsersRecord;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jooq.impl.DSL;

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

  @Override
  public void rememberUsername(UserId id, Optional<String> username) {
    String name = username.orElse(null);
    db.query(dsl -> {
      // IS DISTINCT FROM: an unchanged name matches no row, so nothing is written.
      int changed = dsl.update(USERS).set(USERS.USERNAME, name)
          .where(USERS.ID.eq(id.value())).and(USERS.USERNAME.isDistinctFrom(name))
          .execute();
      if (changed == 1 && name != null) {
        dsl.update(USERS).setNull(USERS.USERNAME)
            .where(DSL.lower(USERS.USERNAME).eq(name.toLowerCase(Locale.ROOT))).and(USERS.ID.ne(id.value()))
            .execute();
      }
      return null;
    });
  }

  @Override
  public Optional<UserId> findByUsername(String username) {
    return db.query(dsl -> dsl.select(USERS.ID).from(USERS)
        .where(DSL.lower(USERS.USERNAME).eq(username.toLowerCase(Locale.ROOT)))
        .orderBy(USERS.ID).limit(1)
        .fetchOptional(USERS.ID)
        .map(UserId::of));
  }

  @Override
  public Optional<String> usernameOf(UserId id) {
    return db.query(dsl -> dsl.select(USERS.USERNAME).from(USERS).where(USERS.ID.eq(id.value()))
        .fetchOptional(USERS.USERNAME)
        .flatMap(Optional::ofNullable));
  }
}
