package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.UnbanUserCommand;
import dev.rei.application.port.in.admin.UnbanUserUseCase;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.user.User;
import java.util.Map;
import java.util.Optional;

/**
 * Lifts a user's ban under their row lock, with an audit entry and a message to them in the same
 * transaction. Unbanning a user who is not banned is audited but changes and tells nothing.
 */
public final class UnbanUserService implements UnbanUserUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final AuditLog audit;
  private final Notifier notifier;
  private final Admins admins;
  private final Clock clock;

  public UnbanUserService(UnitOfWork unitOfWork, UserStore users, AuditLog audit, Notifier notifier, Admins admins,
      Clock clock) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.audit = audit;
    this.notifier = notifier;
    this.admins = admins;
    this.clock = clock;
  }

  @Override
  public AdminResult unban(UnbanUserCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    return unitOfWork.inTransaction(() -> {
      Optional<User> user = users.lock(command.target());
      if (user.isEmpty()) {
        return new AdminResult.Refused(AdminRefusal.UNKNOWN_USER);
      }
      if (!user.get().isBanned()) {
        audit.record(new AuditLog.Entry(command.admin(), "unban", command.target(), "not banned; nothing changed",
            command.reason(), clock.now()));
        return new AdminResult.Done("user " + command.target() + " was not banned; nothing changed");
      }
      users.update(user.get().unban());
      audit.record(new AuditLog.Entry(command.admin(), "unban", command.target(),
          "banned since " + user.get().bannedAt().orElseThrow(), command.reason(), clock.now()));
      notifier.tell(command.target(), Notice.Type.UNBANNED, Map.of());
      return new AdminResult.Done("user " + command.target() + " unbanned");
    });
  }
}
