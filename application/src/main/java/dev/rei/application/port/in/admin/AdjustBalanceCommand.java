package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} moves {@code signedCredits} (+ adds, − takes) for {@code target}, because of {@code reason}. */
public record AdjustBalanceCommand(UserId admin, UserId target, long signedCredits, String reason, IdempotencyKey key) {

  public AdjustBalanceCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(key, "key");
    if (signedCredits == 0 || signedCredits == Long.MIN_VALUE) {
      throw new IllegalArgumentException("an adjustment moves at least one credit");
    }
    if (reason.isBlank() || reason.length() > 500) {
      throw new IllegalArgumentException("an adjustment needs a reason of 1..500 characters");
    }
  }
}
