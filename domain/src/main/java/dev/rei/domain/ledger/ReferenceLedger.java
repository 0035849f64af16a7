package dev.rei.domain.ledger;

import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-memory ledger that applies requests with {@link LedgerRules}: the executable specification
 * of the ledger. Other implementations are tested against it, and tests use it as an auditor.
 *
 * <p>Not thread-safe; transfer ids count up from 1 so runs are repeatable.
 */
public final class ReferenceLedger implements LedgerView {

  private final Map<AccountId, AccountBalance> accounts = new LinkedHashMap<>();
  private final List<Transfer> transfers = new ArrayList<>();
  private final Map<TransferId, Transfer> byId = new HashMap<>();
  private final Map<IdempotencyKey, Transfer> byKey = new HashMap<>();
  private final Map<TransferId, Transfer> resolutions = new HashMap<>();
  private long lastId;

  public ReferenceLedger() {
    for (SystemAccount account : SystemAccount.values()) {
      accounts.put(account, AccountBalance.empty(account));
    }
  }

  /** Opens a user's account; opening it again changes nothing. */
  public AccountBalance open(UserId user) {
    return accounts.computeIfAbsent(AccountId.user(user), AccountBalance::empty);
  }

  public TransferResult apply(TransferRequest request, Instant now) {
    TransferId id = new TransferId(new UUID(0, lastId + 1));
    TransferResult result = LedgerRules.decide(request, this, id, now);
    if (result instanceof TransferResult.Recorded recorded) {
      lastId++;
      record(recorded);
    }
    return result;
  }

  private void record(TransferResult.Recorded recorded) {
    Transfer transfer = recorded.transfer();
    transfers.add(transfer);
    byId.put(transfer.id(), transfer);
    byKey.put(transfer.key(), transfer);
    transfer.pendingId().ifPresent(holdId -> resolutions.put(holdId, transfer));
    accounts.put(transfer.debit(), recorded.debitAfter());
    accounts.put(transfer.credit(), recorded.creditAfter());
  }

  @Override
  public Optional<AccountBalance> account(AccountId account) {
    return Optional.ofNullable(accounts.get(account));
  }

  @Override
  public Optional<Transfer> transferByKey(IdempotencyKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Transfer> resolutionOf(TransferId holdId) {
    return Optional.ofNullable(resolutions.get(holdId));
  }

  /** The account's counters; a system account or unopened user account reads as empty. */
  public AccountBalance balance(AccountId account) {
    return accounts.getOrDefault(account, AccountBalance.empty(account));
  }

  public UserBalance balanceOf(UserId user) {
    return balance(AccountId.user(user)).userBalance();
  }

  public Optional<Hold> hold(TransferId holdId) {
    return transfer(holdId)
        .filter(t -> t.type() == TransferType.HOLD)
        .map(t -> new Hold(t, resolutionOf(holdId)));
  }

  /** Holds not yet captured or released whose expiry has passed at {@code now}. */
  public List<Hold> expiredHolds(Instant now) {
    List<Hold> expired = new ArrayList<>();
    for (Transfer transfer : transfers) {
      if (transfer.type() == TransferType.HOLD && !resolutions.containsKey(transfer.id()) && transfer.isExpiredAt(now)) {
        expired.add(new Hold(transfer, Optional.empty()));
      }
    }
    return expired;
  }

  /** Every transfer so far, in the order recorded; a copy, so later transfers do not appear in it. */
  public List<Transfer> transfers() {
    return List.copyOf(transfers);
  }

  public List<AccountBalance> balances() {
    return List.copyOf(accounts.values());
  }

  /** Every invariant checked; empty when the ledger is sound. */
  public List<LedgerViolation> audit() {
    return LedgerAudit.check(accounts.values(), transfers);
  }
}
