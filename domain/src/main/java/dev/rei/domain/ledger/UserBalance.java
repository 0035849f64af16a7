package dev.rei.domain.ledger;

import java.util.Objects;

/** A user's credits: posted, held for running jobs, and available to spend (posted − held). */
public record UserBalance(Credits posted, Credits held, Credits available) {

  public UserBalance {
    Objects.requireNonNull(posted, "posted");
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(available, "available");
    if (posted.value() - held.value() != available.value()) {
      throw new IllegalArgumentException("available must be posted − held: " + posted + " − " + held + " ≠ " + available);
    }
  }

  public static final UserBalance ZERO = new UserBalance(Credits.ZERO, Credits.ZERO, Credits.ZERO);
}
