package dev.rei.domain.ledger;

import java.util.Objects;

/**
 * The four counters of an account, as in TigerBeetle: what was debited and credited, posted and
 * pending. Counters only move through {@link #apply}; the balances are derived from them.
 */
public record AccountBalance(
    AccountId account,
    Credits debitsPosted,
    Credits creditsPosted,
    Credits debitsPending,
    Credits creditsPending) {

  public AccountBalance {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(debitsPosted, "debitsPosted");
    Objects.requireNonNull(creditsPosted, "creditsPosted");
    Objects.requireNonNull(debitsPending, "debitsPending");
    Objects.requireNonNull(creditsPending, "creditsPending");
  }

  public static AccountBalance empty(AccountId account) {
    return new AccountBalance(account, Credits.ZERO, Credits.ZERO, Credits.ZERO, Credits.ZERO);
  }

  /** Posted credits minus posted debits; negative only for system accounts. */
  public long netPosted() {
    return Math.subtractExact(creditsPosted.value(), debitsPosted.value());
  }

  /** What can still be spent: the posted balance less what is held. */
  public long available() {
    return Math.subtractExact(netPosted(), debitsPending.value());
  }

  /** Whether {@code amount} more could be debited without breaking the account's floor. */
  public boolean canDebit(Credits amount) {
    return !account.mustStayNonNegative() || available() >= amount.value();
  }

  /** The balance as a user sees it; only for user accounts, whose figures are never negative. */
  public UserBalance userBalance() {
    if (!(account instanceof UserAccount)) {
      throw new IllegalStateException("not a user account: " + account);
    }
    return new UserBalance(Credits.of(netPosted()), debitsPending, Credits.of(available()));
  }

  /**
   * The counters after {@code transfer}. {@code held} is the amount of the hold a capture or
   * release resolves, and is ignored for other types.
   */
  public AccountBalance apply(Transfer transfer, Credits held) {
    boolean debit = transfer.debit().equals(account);
    boolean credit = transfer.credit().equals(account);
    if (!debit && !credit) {
      throw new IllegalArgumentException("transfer " + transfer.id() + " does not touch " + account);
    }
    Credits amount = transfer.amount();
    return switch (transfer.type()) {
      case POST -> debit
          ? with(debitsPosted.plus(amount), creditsPosted, debitsPending, creditsPending)
          : with(debitsPosted, creditsPosted.plus(amount), debitsPending, creditsPending);
      case HOLD -> debit
          ? with(debitsPosted, creditsPosted, debitsPending.plus(amount), creditsPending)
          : with(debitsPosted, creditsPosted, debitsPending, creditsPending.plus(amount));
      case CAPTURE -> debit
          ? with(debitsPosted.plus(amount), creditsPosted, debitsPending.minus(held), creditsPending)
          : with(debitsPosted, creditsPosted.plus(amount), debitsPending, creditsPending.minus(held));
      case RELEASE -> debit
          ? with(debitsPosted, creditsPosted, debitsPending.minus(held), creditsPending)
          : with(debitsPosted, creditsPosted, debitsPending, creditsPending.minus(held));
    };
  }

  private AccountBalance with(Credits dPosted, Credits cPosted, Credits dPending, Credits cPending) {
    return new AccountBalance(account, dPosted, cPosted, dPending, cPending);
  }
}
