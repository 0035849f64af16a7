package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.BanUserUseCase;
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
 * Bans a user under their row lock, so no order of theirs is being placed meanwhile, with an
 * audit entry and a message to them in the same transaction. Banning a banned user is audited but
 * changes and tells nothing.
 */
public final class BanUserService implements BanUserUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final AuditLog audit;
  private final Notifier notifier;
  private final Admins admins;
  private final Clock clock;

  public BanUserService(UnitOfWork unitOfWork, UserStore users, AuditLog audit, Notifier notifier, Admins admins,
      Clock clock) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.audit = audit;
    this.notifier = notifier;
    this.admins = admins;
    this.clock = clock;
  }

  @Override
  public AdminResult ban(BanUserCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    if (admins.isAdmin(command.target())) {
      return new AdminResult.Refused(AdminRefusal.TARGET_IS_AN_ADMIN);
    }
    return unitOfWork.inTransaction(() -> {
      Optional<User> user = users.lock(command.target());
      if (user.isEmpty()) {
        return new AdminResult.Refused(AdminRefusal.UNKNOWN_USER);
      }
      if (user.get().isBanned()) {
        String already = "already banned since " + user.get().bannedAt().orElseThrow() + "; nothing changed";
        audit.record(new AuditLog.Entry(command.admin(), "ban", command.target(), already, command.reason(),
            clock.now()));
        return new AdminResult.Done("user " + command.target() + " was " + already);
      }
      users.update(user.get().ban(clock.now()));
      audit.record(new AuditLog.Entry(command.admin(), "ban", command.target(), "banned", command.reason(),
          clock.now()));
      // The admin's reason is written for operators, so it stays in the audit log and out of the user's chat.
      notifier.tell(command.target(), Notice.Type.BANNED, Map.of());
      return new AdminResult.Done("user " + command.target() + " banned");
    });
  }
}
