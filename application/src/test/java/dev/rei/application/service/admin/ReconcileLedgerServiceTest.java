package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase.Result;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconcileLedgerServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @BeforeEach
  void someActivity() {
    given.register(ALICE);
    given.topUp(ALICE, 20);
    given.order(ALICE, 3, "press-1");
    core.adjust.adjust(new AdjustBalanceCommand(ADMIN, ALICE, -4, "double top-up", IdempotencyKey.of("adj-1")));
  }

  @Test
  void givenSoundLedger_reconcile_reportsNoViolationAndAlertsNobody() {
    // Alice's account and the system accounts; her welcome bonus, top-up, three holds and the adjustment.
    assertThat(core.reconcileLedger.reconcile(ADMIN)).isEqualTo(new Result.Report(List.of(),
        dev.rei.domain.ledger.SystemAccount.values().length + 1, 6));
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenCountersThatDisagreeWithTheEntries_reconcile_reportsTheViolationsAndAlertsAdmins() {
    ReconcileLedgerService reconcile = new ReconcileLedgerService(core.db, new InflatingLedger(core.ledger, ALICE),
        core.notifier, core.admins);

    Result result = reconcile.reconcile(ADMIN);

    List<LedgerViolation> violations = ((Result.Report) result).violations();
    assertThat(violations).extracting(LedgerViolation::invariant)
        .contains(LedgerViolation.Invariant.COUNTERS_MATCH_ENTRIES, LedgerViolation.Invariant.BALANCES_SUM_TO_ZERO);
    assertThat(given.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.value("alert")).isEqualTo("ledger_violations");
      assertThat(alert.value("count")).isEqualTo(Integer.toString(violations.size()));
    });
  }

  @Test
  void givenNonAdmin_reconcile_isRefused() {
    assertThat(core.reconcileLedger.reconcile(ALICE)).isEqualTo(new Result.Refused(AdminRefusal.NOT_AN_ADMIN));
  }

  /** A ledger store whose counters show one credit more on the user's account than its transfers explain. */
  private record InflatingLedger(LedgerStore delegate, UserId user) implements LedgerStore {
    @Override
    public List<AccountBalance> balances() {
      return delegate.balances().stream()
          .map(b -> b.account().equals(AccountId.user(user))
              ? new AccountBalance(b.account(), b.debitsPosted(), b.creditsPosted().plus(Credits.of(1)),
                  b.debitsPending(), b.creditsPending())
              : b)
          .toList();
    }

    @Override
    public void openAccount(UserId u) {
      delegate.openAccount(u);
    }

    @Override
    public TransferResult apply(TransferRequest request, TransferId newId, Instant now) {
      return delegate.apply(request, newId, now);
    }

    @Override
    public UserBalance balanceOf(UserId u) {
      return delegate.balanceOf(u);
    }

    @Override
    public Optional<Transfer> transfer(TransferId id) {
      return delegate.transfer(id);
    }

    @Override
    public Optional<Hold> hold(TransferId holdId) {
      return delegate.hold(holdId);
    }

    @Override
    public List<Transfer> history(UserId u, Instant since, Set<HistoryCategory> categories, int offset, int limit) {
      return delegate.history(u, since, categories, offset, limit);
    }

    @Override
    public List<Hold> expiredHolds(Instant now, int limit) {
      return delegate.expiredHolds(now, limit);
    }

    @Override
    public List<Transfer> transfers() {
      return delegate.transfers();
    }

    @Override
    public Map<HistoryCategory, Long> totalsSince(Instant since) {
      return delegate.totalsSince(since);
    }

    @Override
    public LedgerTotals totals() {
      return delegate.totals();
    }
  }
}
