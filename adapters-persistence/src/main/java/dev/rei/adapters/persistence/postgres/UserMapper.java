package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.UsersRecord;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;

/** {@code users} rows to {@link User} and back. */
final class UserMapper {

  private UserMapper() {}

  /** Sets every column, nulls included, so the record can insert or update the whole row. */
  static void fill(UsersRecord row, User user) {
    row.setId(user.id().value());
    row.setRegisteredAt(Times.toDb(user.registeredAt()));
    row.setLanguage(user.language().name());
    row.setBannedAt(user.bannedAt().map(Times::toDb).orElse(null));
  }

  static User toUser(UsersRecord row) {
    return User.restore(UserId.of(row.getId()), Times.fromDb(row.getRegisteredAt()), Language.valueOf(row.getLanguage()),
        row.getBannedAt() == null ? null : Times.fromDb(row.getBannedAt()));
  }
}
