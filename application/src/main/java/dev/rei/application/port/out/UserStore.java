package dev.rei.application.port.out;

import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Users by Telegram id. */
public interface UserStore {

  Optional<User> find(UserId id);

  /** The user, locked until the transaction ends, so that one user's orders are placed one at a time. */
  Optional<User> lock(UserId id);

  /** Stores a new user; returns false and changes nothing if the id is already taken. */
  boolean insertIfAbsent(User user);

  /** Stores a changed user (ban, unban, language); the user must exist. */
  void update(User user);

  long count();

  long countRegisteredSince(Instant since);
}
