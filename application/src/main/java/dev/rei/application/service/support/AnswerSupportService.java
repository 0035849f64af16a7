package dev.rei.application.service.support;

import dev.rei.application.port.in.support.AnswerSupportCommand;
import dev.rei.application.port.in.support.AnswerSupportResult;
import dev.rei.application.port.in.support.AnswerSupportUseCase;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import java.util.Map;

/** Writes an admin's answer to a user's support message into the outbox, for the user's chat. */
public final class AnswerSupportService implements AnswerSupportUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final Notifier notifier;
  private final Admins admins;

  public AnswerSupportService(UnitOfWork unitOfWork, UserStore users, Notifier notifier, Admins admins) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.notifier = notifier;
    this.admins = admins;
  }

  @Override
  public AnswerSupportResult answer(AnswerSupportCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return AnswerSupportResult.NOT_AN_ADMIN;
    }
    return unitOfWork.inTransaction(() -> {
      if (users.find(command.user()).isEmpty()) {
        return AnswerSupportResult.UNKNOWN_USER;
      }
      notifier.tell(command.user(), Notice.Type.SUPPORT_ANSWER, Map.of("text", command.text()));
      return AnswerSupportResult.SENT;
    });
  }
}
