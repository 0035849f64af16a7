package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.UserCard;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** Reads a user's card from every store in one transaction, so balance, jobs and payments agree. */
public final class GetUserCardService implements GetUserCardUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final LedgerStore ledger;
  private final JobStore jobs;
  private final PaymentStore payments;
  private final AuditLog audit;
  private final Admins admins;

  public GetUserCardService(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, JobStore jobs,
      PaymentStore payments, AuditLog audit, Admins admins) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.ledger = ledger;
    this.jobs = jobs;
    this.payments = payments;
    this.audit = audit;
    this.admins = admins;
  }

  @Override
  public Result card(UserId admin, UserId target) {
    if (!admins.isAdmin(admin)) {
      return new Result.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    return unitOfWork.inTransaction(() -> {
      Optional<User> user = users.find(target);
      if (user.isEmpty()) {
        return new Result.Refused(AdminRefusal.UNKNOWN_USER);
      }
      return new Result.Found(new UserCard(user.get(), users.usernameOf(target), ledger.balanceOf(target),
          jobs.liveOf(target), payments.latestOf(target, LATEST), audit.about(target, LATEST)));
    });
  }
}
