package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code user} wants to buy credits on {@code rail}, as {@code choice} says. */
public record StartTopUpCommand(UserId user, Rail rail, TopUpChoice choice) {

  public StartTopUpCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(choice, "choice");
  }
}
