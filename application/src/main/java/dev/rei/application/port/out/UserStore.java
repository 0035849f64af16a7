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

  /**
   * Stores the Telegram @username the user has now (without the {@code @}; empty when they have
   * none), writing only when it differs from the stored one. A username names one user at a time:
   * whoever had it before loses it here, since Telegram moved it to this user.
   */
  void rememberUsername(UserId id, Optional<String> username);

  /** The user who last had {@code username} (without the {@code @}, any letter case), as far as we saw. */
  Optional<UserId> findByUsername(String username);

  /** The user's last seen Telegram @username (without the {@code @}); empty when unknown or none. */
  Optional<String> usernameOf(UserId id);
}
