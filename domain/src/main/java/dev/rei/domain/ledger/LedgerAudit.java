package dev.rei.domain.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every ledger invariant over a set of account balances and the full list of transfers,
 * independently of how they were produced: it replays the transfers into fresh counters and
 * compares. An empty result means the ledger is sound.
 */
public final class LedgerAudit {

  private LedgerAudit() {}

  /**
   * @param balances the stored counters of every account that has any
   * @param transfers every transfer ever recorded, in the order they were recorded
   */
  public static List<LedgerViolation> check(Collection<AccountBalance> balances, List<Transfer> transfers) {
    List<LedgerViolation> violations = new ArrayList<>();
    checkSums(balances, violations);
    checkUserFloors(balances, violations);
    Map<AccountId, AccountBalance> replayed = replay(transfers, violations);
    checkCounters(balances, replayed, violations);
    return List.copyOf(violations);
  }

  private static void checkSums(Collection<AccountBalance> balances, List<LedgerViolation> violations) {
    long posted = 0;
    long pending = 0;
    for (AccountBalance balance : balances) {
      posted = Math.addExact(posted, balance.netPosted());
      pending = Math.addExact(pending, balance.creditsPending().value() - balance.debitsPending().value());
    }
    if (posted != 0 || pending != 0) {
      violations.add(new LedgerViolation(LedgerViolation.Invariant.BALANCES_SUM_TO_ZERO,
          "Σ posted = " + posted + ", Σ pending credits − debits = " + pending));
    }
  }

  private static void checkUserFloors(Collection<AccountBalance> balances, List<LedgerViolation> violations) {
    for (AccountBalance balance : balances) {
      if (balance.account().mustStayNonNegative() && (balance.netPosted() < 0 || balance.available() < 0)) {
        violations.add(new LedgerViolation(LedgerViolation.Invariant.USER_BALANCE_NON_NEGATIVE,
            balance.account() + " posted " + balance.netPosted() + ", available " + balance.available()));
      }
    }
  }

  private static Map<AccountId, AccountBalance> replay(List<Transfer> transfers, List<LedgerViolation> violations) {
    Map<AccountId, AccountBalance> counters = new HashMap<>();
    Map<TransferId, Transfer> byId = new HashMap<>();
    Set<IdempotencyKey> keys = new HashSet<>();
    Set<TransferId> resolvedHolds = new HashSet<>();
    for (Transfer transfer : transfers) {
      if (byId.putIfAbsent(transfer.id(), transfer) != null || !keys.add(transfer.key())) {
        violations.add(new LedgerViolation(LedgerViolation.Invariant.KEYS_UNIQUE,
            "transfer " + transfer.id() + " with key " + transfer.key() + " repeats an id or key"));
      }
      Credits held = Credits.ZERO;
      if (transfer.type().resolvesHold()) {
        TransferId holdId = transfer.pendingId().orElseThrow();
        Transfer hold = byId.get(holdId);
        if (hold == null || hold.type() != TransferType.HOLD
            || !hold.debit().equals(transfer.debit()) || !hold.credit().equals(transfer.credit())) {
          violations.add(new LedgerViolation(LedgerViolation.Invariant.RESOLUTION_NAMES_A_HOLD,
              transfer.type() + " " + transfer.id() + " names " + holdId + ", which is not a hold with its accounts"));
          continue;
        }
        if (!resolvedHolds.add(holdId)) {
          violations.add(new LedgerViolation(LedgerViolation.Invariant.HOLD_RESOLVED_AT_MOST_ONCE,
              "hold " + holdId + " resolved again by " + transfer.id()));
          continue;
        }
        if (transfer.amount().isGreaterThan(hold.amount())
            || (transfer.type() == TransferType.RELEASE && !transfer.amount().equals(hold.amount()))) {
          violations.add(new LedgerViolation(LedgerViolation.Invariant.CAPTURE_WITHIN_HOLD,
              transfer.type() + " " + transfer.id() + " of " + transfer.amount() + " for a hold of " + hold.amount()));
          continue;
        }
        held = hold.amount();
      }
      for (AccountId account : List.of(transfer.debit(), transfer.credit())) {
        counters.put(account, counters.getOrDefault(account, AccountBalance.empty(account)).apply(transfer, held));
      }
    }
    return counters;
  }

  private static void checkCounters(
      Collection<AccountBalance> balances, Map<AccountId, AccountBalance> replayed, List<LedgerViolation> violations) {
    Map<AccountId, AccountBalance> stored = new HashMap<>();
    for (AccountBalance balance : balances) {
      stored.put(balance.account(), balance);
    }
    Set<AccountId> accounts = new HashSet<>(stored.keySet());
    accounts.addAll(replayed.keySet());
    for (AccountId account : accounts) {
      AccountBalance expected = replayed.getOrDefault(account, AccountBalance.empty(account));
      AccountBalance actual = stored.getOrDefault(account, AccountBalance.empty(account));
      if (!expected.equals(actual)) {
        violations.add(new LedgerViolation(LedgerViolation.Invariant.COUNTERS_MATCH_ENTRIES,
            account + " stores " + actual + " but its transfers sum to " + expected));
      }
    }
  }
}
