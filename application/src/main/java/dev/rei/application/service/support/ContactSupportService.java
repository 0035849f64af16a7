package dev.rei.application.service.support;

import dev.rei.application.port.in.support.ContactSupportCommand;
import dev.rei.application.port.in.support.ContactSupportResult;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a user's message to support into the outbox: to the support chat when one is configured,
 * otherwise to every admin's private chat. The notice carries who wrote (id, @username, name,
 * language) so whoever answers knows whom they answer.
 */
public final class ContactSupportService implements ContactSupportUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final Notifier notifier;
  private final Admins admins;
  private final Optional<Long> supportChatId;

  /** @param supportChatId the support group's chat id; empty to write to each admin instead */
  public ContactSupportService(UnitOfWork unitOfWork, UserStore users, Notifier notifier, Admins admins,
      Optional<Long> supportChatId) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.notifier = notifier;
    this.admins = admins;
    this.supportChatId = Objects.requireNonNull(supportChatId, "supportChatId");
  }

  @Override
  public ContactSupportResult contactSupport(ContactSupportCommand command) {
    if (supportChatId.isEmpty() && admins.ids().isEmpty()) {
      return ContactSupportResult.NOBODY_TO_TELL;
    }
    return unitOfWork.inTransaction(() -> {
      Optional<User> user = users.find(command.user());
      if (user.isEmpty()) {
        return ContactSupportResult.UNKNOWN_USER;
      }
      Map<String, String> values = new TreeMap<>();
      values.put("userId", Long.toString(command.user().value()));
      values.put("language", user.get().language().code());
      values.put("text", command.text());
      command.username().filter(name -> !name.isBlank()).ifPresent(name -> values.put("username", name));
      command.name().filter(name -> !name.isBlank()).ifPresent(name -> values.put("name", name));
      command.photoFileId().ifPresent(photo -> values.put("photo", photo));
      if (supportChatId.isPresent()) {
        notifier.tellChat(supportChatId.get(), Notice.Type.SUPPORT_MESSAGE, values);
      } else {
        for (UserId admin : admins.ids()) {
          notifier.tell(admin, Notice.Type.SUPPORT_MESSAGE, values);
        }
      }
      return ContactSupportResult.SENT;
    });
  }
}
