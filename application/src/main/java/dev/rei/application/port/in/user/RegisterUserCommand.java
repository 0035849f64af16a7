package dev.rei.application.port.in.user;

import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** A person who wrote to the bot, and the language their Telegram client speaks. */
public record RegisterUserCommand(UserId user, Language language) {

  public RegisterUserCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(language, "language");
  }
}
