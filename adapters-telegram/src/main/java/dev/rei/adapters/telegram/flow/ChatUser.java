package dev.rei.adapters.telegram.flow;

import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** The registered user behind an update, the chat to answer in, and whether they registered just now. */
public record ChatUser(User user, long chatId, boolean isNew) {

  public ChatUser {
    Objects.requireNonNull(user, "user");
  }

  public UserId id() {
    return user.id();
  }

  public Language language() {
    return user.language();
  }
}
