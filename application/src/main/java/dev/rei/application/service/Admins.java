package dev.rei.application.service;

import dev.rei.domain.user.UserId;
import java.util.Set;

/** The operators: Telegram users allowed to run admin use cases and to receive alerts. */
public record Admins(Set<UserId> ids) {

  public Admins {
    ids = Set.copyOf(ids);
  }

  public boolean isAdmin(UserId user) {
    return ids.contains(user);
  }
}
