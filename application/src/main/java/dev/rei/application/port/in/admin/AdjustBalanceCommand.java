package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/**
 * {@code admin} moves {@code signedCredits} (+ adds, − takes) for {@code target}, because of
 * {@code reason}; {@code key} names this one adjustment, so pressing the button twice adjusts once.
 */
public record AdjustBalanceCommand(UserId admin, UserId target, long signedCredits, String reason, IdempotencyKey key) {

  public AdjustBalanceCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(key, "key");
    if (signedCredits == 0 || signedCredits == Long.MIN_VALUE) {
      throw new IllegalArgumentException("an adjustment moves at least one credit, and at most Long.MAX_VALUE");
    }
    AdminReasons.require(reason);
  }
}
