package dev.rei.application.port.in.user;

import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.User;
import java.util.Objects;

/** The user after registering; {@code isNew} is false when they were registered before. */
public record Registration(User user, boolean isNew, UserBalance balance) {

  public Registration {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(balance, "balance");
  }
}
