package dev.rei.domain.ledger;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** The account of one user; it may never go below zero. */
public record UserAccount(UserId userId) implements AccountId {

  static final String PREFIX = "user:";

  public UserAccount {
    Objects.requireNonNull(userId, "userId");
  }

  @Override
  public boolean mustStayNonNegative() {
    return true;
  }

  @Override
  public String code() {
    return PREFIX + userId.value();
  }

  @Override
  public String toString() {
    return code();
  }
}
