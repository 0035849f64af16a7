package dev.rei.adapters.telegram.text;

import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/**
 * The language each reader gets: the registered user's, Russian for anyone else (a group chat, a
 * user not registered yet). Changing it stores it on the user.
 */
public final class UserLanguages {

  private final UnitOfWork unitOfWork;
  private final UserStore users;

  public UserLanguages(UnitOfWork unitOfWork, UserStore users) {
    this.unitOfWork = unitOfWork;
    this.users = users;
  }

  /** The language for chat {@code chatId}: private chats have the id of their user. */
  public Language of(long chatId) {
    if (chatId <= 0) {
      return Language.RU;
    }
    return users.find(UserId.of(chatId)).map(User::language).orElse(Language.RU);
  }

  /** Stores {@code language} for {@code user}; false if the user is not registered. */
  public boolean change(UserId user, Language language) {
    return unitOfWork.inTransaction(() -> {
      Optional<User> found = users.lock(user);
      found.filter(u -> u.language() != language).ifPresent(u -> users.update(u.speaking(language)));
      return found.isPresent();
    });
  }
}
