package dev.rei.application.port.in.payment;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code user} wants to buy credits on {@code rail}: a package by code, or a number of credits. */
public record StartTopUpCommand(UserId user, Rail rail, Choice choice) {

  public StartTopUpCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(choice, "choice");
  }

  /** What the user chose on the top-up screen. */
  public sealed interface Choice {
    record Package(String code) implements Choice {
      public Package {
        Objects.requireNonNull(code, "code");
      }
    }

    record Custom(Credits credits) implements Choice {
      public Custom {
        Objects.requireNonNull(credits, "credits");
      }
    }
  }
}
