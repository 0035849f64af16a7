package dev.rei.application.fakes;

import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerRules;
import dev.rei.domain.ledger.LedgerView;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LedgerStore} over an {@link InMemoryDatabase}, deciding with the domain's {@link LedgerRules}. */
public final class InMemoryLedgerStore implements LedgerStore {

  private final InMemoryDatabase db;

  public InMemoryLedgerStore(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void openAccount(UserId user) {
    db.change(s -> s.accounts.computeIfAbsent(AccountId.user(user), AccountBalance::empty));
  }

  @Override
  public TransferResult apply(TransferRequest request, TransferId newId, Instant now) {
    return db.access(s -> {
      TransferResult result = LedgerRules.decide(request, view(s), newId, now);
      if (result instanceof TransferResult.Recorded recorded) {
        Transfer transfer = recorded.transfer();
        s.transfers.add(transfer);
        s.transfersById.put(transfer.id(), transfer);
        s.transfersByKey.put(transfer.key(), transfer);
        transfer.pendingId().ifPresent(hold -> s.resolutions.put(hold, transfer));
        s.accounts.put(transfer.debit(), recorded.debitAfter());
        s.accounts.put(transfer.credit(), recorded.creditAfter());
      }
      return result;
    });
  }

  private static LedgerView view(InMemoryDatabase.State s) {
    return new LedgerView() {
      @Override
      public Optional<AccountBalance> account(AccountId account) {
        return Optional.ofNullable(s.accounts.get(account));
      }

      @Override
      public Optional<Transfer> transferByKey(IdempotencyKey key) {
        return Optional.ofNullable(s.transfersByKey.get(key));
      }

      @Override
      public Optional<Transfer> transfer(TransferId id) {
        return Optional.ofNullable(s.transfersById.get(id));
      }

      @Override
      public Optional<Transfer> resolutionOf(TransferId holdId) {
        return Optional.ofNullable(s.resolutions.get(holdId));
      }
    };
  }

  @Override
  public UserBalance balanceOf(UserId user) {
    return db.access(s -> Optional.ofNullable(s.accounts.get(AccountId.user(user)))
        .map(AccountBalance::userBalance)
        .orElse(UserBalance.ZERO));
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return db.access(s -> Optional.ofNullable(s.transfersById.get(id)));
  }

  @Override
  public Optional<Hold> hold(TransferId holdId) {
    return db.access(s -> Optional.ofNullable(s.transfersById.get(holdId))
        .filter(t -> t.type() == TransferType.HOLD)
        .map(t -> new Hold(t, Optional.ofNullable(s.resolutions.get(holdId)))));
  }

  @Override
  public List<Transfer> history(UserId user, Instant since, Set<HistoryCategory> categories, int offset, int limit) {
    AccountId account = AccountId.user(user);
    return db.access(s -> {
      List<Transfer> newestFirst = new ArrayList<>(s.transfers.stream()
          .filter(t -> t.debit().equals(account) || t.credit().equals(account))
          .filter(t -> !t.createdAt().isBefore(since))
          .filter(t -> categories.isEmpty() || categories.contains(t.category()))
          .toList());
      // Newest first by time, and the later recorded first among equal times, as a database sequence
      // would order them: reverse the recording order, then a stable sort by time keeps it for ties.
      Collections.reverse(newestFirst);
      newestFirst.sort(Comparator.comparing(Transfer::createdAt).reversed());
      return newestFirst.stream().skip(offset).limit(limit).toList();
    });
  }

  @Override
  public List<Hold> expiredHolds(Instant now, int limit) {
    return db.access(s -> s.transfers.stream()
        .filter(t -> t.type() == TransferType.HOLD && !s.resolutions.containsKey(t.id()) && t.isExpiredAt(now))
        .sorted(Comparator.comparing(t -> t.expiresAt().orElseThrow()))
        .limit(limit)
        .map(t -> new Hold(t, Optional.empty()))
        .toList());
  }

  @Override
  public List<AccountBalance> balances() {
    return db.access(s -> List.copyOf(s.accounts.values()));
  }

  @Override
  public List<Transfer> transfers() {
    return db.access(s -> List.copyOf(s.transfers));
  }

  @Override
  public Map<HistoryCategory, Long> totalsSince(Instant since) {
    return db.access(s -> {
      Map<HistoryCategory, Long> totals = new EnumMap<>(HistoryCategory.class);
      for (Transfer t : new ArrayList<>(s.transfers)) {
        boolean touchesUser = t.debit() instanceof dev.rei.domain.ledger.UserAccount
            || t.credit() instanceof dev.rei.domain.ledger.UserAccount;
        if (touchesUser && t.type() != TransferType.HOLD && !t.createdAt().isBefore(since)) {
          totals.merge(t.category(), t.amount().value(), Long::sum);
        }
      }
      return totals;
    });
  }
  @Override
  public LedgerTotals totals() {
    return db.access(s -> {
      Map<dev.rei.domain.ledger.SystemAccount, Long> system = new EnumMap<>(dev.rei.domain.ledger.SystemAccount.class);
      long posted = 0;
      long held = 0;
      for (AccountBalance balance : s.accounts.values()) {
        if (balance.account() instanceof dev.rei.domain.ledger.SystemAccount account) {
          system.put(account, balance.netPosted());
        } else {
          posted += balance.netPosted();
          held += balance.debitsPending().value();
        }
      }
      return new LedgerTotals(system, posted, held);
    });
  }
}
