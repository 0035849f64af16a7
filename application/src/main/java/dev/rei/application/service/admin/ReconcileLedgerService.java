package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;

/**
 * Runs the domain's {@link LedgerAudit} over balances and transfers read in one transaction, so
 * they are one consistent view; any violation alerts every admin, not only the one who asked.
 */
public final class ReconcileLedgerService implements ReconcileLedgerUseCase {

  private final UnitOfWork unitOfWork;
  private final LedgerStore ledger;
  private final Notifier notifier;
  private final Admins admins;

  public ReconcileLedgerService(UnitOfWork unitOfWork, LedgerStore ledger, Notifier notifier, Admins admins) {
    this.unitOfWork = unitOfWork;
    this.ledger = ledger;
    this.notifier = notifier;
    this.admins = admins;
  }

  @Override
  public Result reconcile(UserId admin) {
    if (!admins.isAdmin(admin)) {
      return new Result.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    Result.Report report = unitOfWork.inTransaction(() -> {
      List<AccountBalance> balances = ledger.balances();
      List<Transfer> transfers = ledger.transfers();
      return new Result.Report(LedgerAudit.check(balances, transfers), balances.size(), transfers.size());
    });
    List<LedgerViolation> violations = report.violations();
    if (!violations.isEmpty()) {
      unitOfWork.inTransaction(() -> notifier.alertAdmins("ledger_violations", "ledger", Map.of(
          "count", Integer.toString(violations.size()),
          "first", violations.get(0).invariant() + ": " + violations.get(0).detail())));
    }
    return report;
  }
}
