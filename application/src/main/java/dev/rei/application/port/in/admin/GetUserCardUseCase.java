package dev.rei.application.port.in.admin;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** An operator looks a user up: profile, balance, live jobs, last payments and last admin actions. */
public interface GetUserCardUseCase {

  /** How many payments and audit entries a card shows. */
  int LATEST = 5;

  Result card(UserId admin, UserId target);

  /** The card, or why there is none. */
  sealed interface Result {
    record Found(UserCard card) implements Result {
      public Found {
        Objects.requireNonNull(card, "card");
      }
    }

    record Refused(AdminRefusal reason) implements Result {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
