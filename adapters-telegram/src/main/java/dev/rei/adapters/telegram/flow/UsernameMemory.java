package dev.rei.adapters.telegram.flow;

import dev.rei.application.port.out.UserStore;
import dev.rei.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the users' Telegram @usernames in the store for the admin console, writing only when one
 * changes: the names last seen are remembered here (a bounded map), so a steady user costs one
 * store call per process, not one per update. Another process may write the same change again;
 * the store ignores an unchanged name.
 */
final class UsernameMemory {

  /** Telegram usernames: 5 to 32 letters, digits or underscores (a few old ones are shorter). */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
  private static final int REMEMBERED = 10_000;

  private final UserStore users;
  private final Map<UserId, Optional<String>> lastSeen = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UserId, Optional<String>> eldest) {
      return size() > REMEMBERED;
    }
  };

  UsernameMemory(UserStore users) {
    this.users = users;
  }

  /** {@code user} wrote with {@code username} (null when they have none); stores it if it changed. */
  void seen(UserId user, String username) {
    // Anything that is not a Telegram username is not stored: the update is untrusted input.
    Optional<String> name = username != null && USERNAME.matcher(username).matches()
        ? Optional.of(username) : Optional.empty();
    synchronized (lastSeen) {
      if (name.equals(lastSeen.get(user))) {
        return;
      }
    }
    users.rememberUsername(user, name);
    synchronized (lastSeen) {
      lastSeen.put(user, name);
    }
  }
}
