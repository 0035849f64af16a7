package dev.rei.domain.ledger;

import java.util.Optional;

/**
 * What {@link LedgerRules} need to read to decide a request. An implementation over a database
 * must read these under the locks that make the decision and its writes one atomic step.
 */
public interface LedgerView {

  /** The account's counters, or empty if the account was never opened. */
  Optional<AccountBalance> account(AccountId account);

  Optional<Transfer> transferByKey(IdempotencyKey key);

  Optional<Transfer> transfer(TransferId id);

  /** The capture or release that resolved the hold, if any. */
  Optional<Transfer> resolutionOf(TransferId holdId);
}
