package dev.rei.application.port.in.support;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} answers {@code user}'s message to support with {@code text}. */
public record AnswerSupportCommand(UserId admin, UserId user, String text) {

  /** Telegram's message limit, less room for the "💬 Support:" heading. */
  public static final int MAX_TEXT_LENGTH = 4_000;

  public AnswerSupportCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("an answer needs a text");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("an answer has at most " + MAX_TEXT_LENGTH + " characters");
    }
  }
}
