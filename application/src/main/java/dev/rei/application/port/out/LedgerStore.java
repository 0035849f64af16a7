package dev.rei.application.port.out;

import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
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

/**
 * The credit ledger, decided by {@link dev.rei.domain.ledger.LedgerRules} and stored durably.
 * Transfers are append-only: nothing here updates or deletes one.
 */
public interface LedgerStore {

  /** Opens the user's account; opening it again changes nothing. */
  void openAccount(UserId user);

  /**
   * Decides and, if recorded, stores {@code request} atomically with the account counters, under
   * locks that serialise every request touching the same accounts or key. {@code newId} names the
   * transfer if one is recorded; {@code now} is its time.
   */
  TransferResult apply(TransferRequest request, TransferId newId, Instant now);

  /** The user's balance; zero for a user without an account. */
  UserBalance balanceOf(UserId user);

  Optional<Transfer> transfer(TransferId id);

  Optional<Hold> hold(TransferId holdId);

  /**
   * The user's transfers from {@code since} on, newest first, of the given categories (all when
   * empty), skipping {@code offset} and returning at most {@code limit}.
   */
  List<Transfer> history(UserId user, Instant since, Set<HistoryCategory> categories, int offset, int limit);

  /** Unresolved holds whose expiry has passed at {@code now}, oldest first, at most {@code limit}. */
  List<Hold> expiredHolds(Instant now, int limit);

  /** Every account's counters, for reconciliation. */
  List<AccountBalance> balances();

  /** Every transfer in the order recorded, for reconciliation. */
  List<Transfer> transfers();

  /** Credits moved to or from users since {@code since}, by history category. */
  Map<HistoryCategory, Long> totalsSince(Instant since);

  /** The ledger's totals now: each system account's posted balance, and what users hold in sum. */
  LedgerTotals totals();

  /**
   * Ledger totals. {@code systemPosted} is each system account's posted balance (credits minus
   * debits; sales and bonus go negative as they give credits out); {@code usersPosted} is the sum
   * of the users' posted balances, {@code usersHeld} what is held on them for jobs in flight, so
   * the users can spend {@code usersPosted − usersHeld}.
   */
  record LedgerTotals(Map<dev.rei.domain.ledger.SystemAccount, Long> systemPosted, long usersPosted, long usersHeld) {
    public LedgerTotals {
      java.util.EnumMap<dev.rei.domain.ledger.SystemAccount, Long> all =
          new java.util.EnumMap<>(dev.rei.domain.ledger.SystemAccount.class);
      for (dev.rei.domain.ledger.SystemAccount account : dev.rei.domain.ledger.SystemAccount.values()) {
        all.put(account, systemPosted.getOrDefault(account, 0L));
      }
      systemPosted = java.util.Collections.unmodifiableMap(all);
      if (usersPosted < 0 || usersHeld < 0) {
        throw new IllegalArgumentException("user totals are never negative: posted " + usersPosted + ", held "
            + usersHeld);
      }
    }

    /** What users can still spend. */
    public long usersAvailable() {
      return usersPosted - usersHeld;
    }
  }
}
