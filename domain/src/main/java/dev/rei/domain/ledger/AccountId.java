package dev.rei.domain.ledger;

import dev.rei.domain.user.UserId;

/**
 * Identifies a ledger account: one per user, plus the fixed {@link SystemAccount}s.
 *
 * <p>{@link #code()} gives a stable text form ({@code user:42}, {@code system:sales}) for storage.
 */
public sealed interface AccountId permits UserAccount, SystemAccount {

  /** Whether the account's balance must stay at or above zero. */
  boolean mustStayNonNegative();

  String code();

  static AccountId user(UserId userId) {
    return new UserAccount(userId);
  }

  /** Parses the form produced by {@link #code()}. */
  static AccountId parse(String code) {
    if (code == null) {
      throw new IllegalArgumentException("account code is null");
    }
    if (code.startsWith(UserAccount.PREFIX)) {
      AccountId account;
      try {
        account = new UserAccount(UserId.of(Long.parseLong(code.substring(UserAccount.PREFIX.length()))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an account code: " + code, e);
      }
      // Long.parseLong also takes "+42", "042" and non-ASCII digits; a stored code has one spelling.
      if (!account.code().equals(code)) {
        throw new IllegalArgumentException("not an account code: " + code);
      }
      return account;
    }
    for (SystemAccount account : SystemAccount.values()) {
      if (account.code().equals(code)) {
        return account;
      }
    }
    throw new IllegalArgumentException("not an account code: " + code);
  }
}
