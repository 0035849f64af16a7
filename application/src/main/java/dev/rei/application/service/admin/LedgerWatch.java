package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.WatchLedgerUseCase;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.LedgerViolation;
import java.util.List;
import java.util.Map;

/**
 * The ledger audit on a schedule. It alerts under the same name and subject as {@link
 * ReconcileLedgerService}, so a violation found by both sends one alert per window.
 */
public final class LedgerWatch implements WatchLedgerUseCase {

  static final String ALERT = "ledger_violations";
  static final String SUBJECT = "ledger";

  private final UnitOfWork unitOfWork;
  private final LedgerStore ledger;
  private final Notifier notifier;

  public LedgerWatch(UnitOfWork unitOfWork, LedgerStore ledger, Notifier notifier) {
    this.unitOfWork = unitOfWork;
    this.ledger = ledger;
    this.notifier = notifier;
  }

  @Override
  public List<LedgerViolation> check() {
    // One transaction: balances and transfers must describe the same moment.
    List<LedgerViolation> violations = unitOfWork.inTransaction(
        () -> LedgerAudit.check(ledger.balances(), ledger.transfers()));
    if (!violations.isEmpty()) {
      unitOfWork.inTransaction(() -> notifier.alertAdmins(ALERT, SUBJECT, Map.of(
          "count", Integer.toString(violations.size()),
          "first", violations.get(0).invariant() + ": " + violations.get(0).detail())));
    }
    return violations;
  }
}
