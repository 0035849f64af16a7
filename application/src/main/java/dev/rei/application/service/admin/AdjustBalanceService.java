package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import java.util.Map;

/**
 * Admin credit corrections as ledger transfers to or from {@code adjustments}, with an audit entry
 * and a message to the user, in one transaction; the key makes a repeated command a replay.
 */
public final class AdjustBalanceService implements AdjustBalanceUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final LedgerStore ledger;
  private final AuditLog audit;
  private final Notifier notifier;
  private final Admins admins;
  private final Clock clock;
  private final IdGenerator ids;

  public AdjustBalanceService(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, AuditLog audit,
      Notifier notifier, Admins admins, Clock clock, IdGenerator ids) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.ledger = ledger;
    this.audit = audit;
    this.notifier = notifier;
    this.admins = admins;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public Result adjust(AdjustBalanceCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return new Result.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    return unitOfWork.inTransaction(() -> {
      if (users.lock(command.target()).isEmpty()) {
        return new Result.Refused(AdminRefusal.UNKNOWN_USER);
      }
      boolean adding = command.signedCredits() > 0;
      Credits amount = Credits.of(Math.abs(command.signedCredits()));
      AccountId user = AccountId.user(command.target());
      TransferMemo memo = new TransferMemo(ReferenceType.ADMIN_ACTION, command.admin().toString(), command.reason());
      TransferRequest.Post request = new TransferRequest.Post(command.key(),
          adding ? SystemAccount.ADJUSTMENTS : user, adding ? user : SystemAccount.ADJUSTMENTS,
          amount, TransferKind.ADJUSTMENT, memo);
      TransferResult result = ledger.apply(request, TransferId.of(ids.newId()), clock.now());
      if (result instanceof TransferResult.Refused refused) {
        return new Result.Refused(switch (refused.reason()) {
          case INSUFFICIENT_FUNDS -> AdminRefusal.INSUFFICIENT_FUNDS;
          case IDEMPOTENCY_KEY_REUSED -> AdminRefusal.KEY_USED_FOR_ANOTHER_ACTION;
          case ACCOUNT_NOT_FOUND -> AdminRefusal.UNKNOWN_USER;
          default -> throw new IllegalStateException("adjustment refused: " + refused.reason());
        });
      }
      if (result instanceof TransferResult.Replayed replayed) {
        // The first command was audited and told; a repeated button press must not do either again.
        return new Result.Adjusted(replayed.transfer(), true);
      }
      TransferResult.Recorded recorded = (TransferResult.Recorded) result;
      audit.record(new AuditLog.Entry(command.admin(), "adjust_balance", command.target(),
          (adding ? "+" : "-") + amount + " credits, transfer " + recorded.transfer().id(), command.reason(),
          clock.now()));
      notifier.tell(command.target(), Notice.Type.BALANCE_ADJUSTED, Map.of("delta",
          Long.toString(command.signedCredits()), "reason", command.reason()));
      return new Result.Adjusted(recorded.transfer(), false);
    });
  }
}
