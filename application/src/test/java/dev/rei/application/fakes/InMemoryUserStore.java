package dev.rei.application.fakes;

import dev.rei.application.port.out.UserStore;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** {@link UserStore} over an {@link InMemoryDatabase}; the database's one lock stands in for row locks. */
public final class InMemoryUserStore implements UserStore {

  private final InMemoryDatabase db;

  public InMemoryUserStore(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<User> find(UserId id) {
    return db.access(s -> Optional.ofNullable(s.users.get(id)));
  }

  @Override
  public Optional<User> lock(UserId id) {
    return find(id);
  }

  @Override
  public boolean insertIfAbsent(User user) {
    return db.access(s -> s.users.putIfAbsent(user.id(), user) == null);
  }

  @Override
  public void update(User user) {
    db.change(s -> {
      if (!s.users.containsKey(user.id())) {
        throw new IllegalStateException("no user " + user.id());
      }
      s.users.put(user.id(), user);
    });
  }

  @Override
  public long count() {
    return db.access(s -> (long) s.users.size());
  }

  @Override
  public long countRegisteredSince(Instant since) {
    return db.access(s -> s.users.values().stream().filter(u -> !u.registeredAt().isBefore(since)).count());
  }

  @Override
  public void rememberUsername(UserId id, Optional<String> username) {
    db.change(s -> {
      if (!s.users.containsKey(id) || username.equals(Optional.ofNullable(s.usernames.get(id)))) {
        return;
      }
      username.ifPresent(name -> s.usernames.entrySet().removeIf(e -> e.getValue().equalsIgnoreCase(name)));
      if (username.isPresent()) {
        s.usernames.put(id, username.get());
      } else {
        s.usernames.remove(id);
      }
    });
  }

  @Override
  public Optional<UserId> findByUsername(String username) {
    return db.access(s -> s.usernames.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(username))
        .map(java.util.Map.Entry::getKey).findFirst());
  }

  @Override
  public Optional<String> usernameOf(UserId id) {
    return db.access(s -> Optional.ofNullable(s.usernames.get(id)));
  }
}
