package dev.rei.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to move credits, named by its {@link IdempotencyKey}. Invalid requests (zero amounts,
 * an account paying itself) cannot be built; whether a valid one is accepted is decided by {@link
 * LedgerRules}.
 */
public sealed interface TransferRequest {

  IdempotencyKey key();

  /** Whether {@code recorded} is what this request would have recorded, ignoring id and time. */
  boolean sameContentAs(Transfer recorded);

  /** Moves credits at once. */
  record Post(
      IdempotencyKey key,
      AccountId debit,
      AccountId credit,
      Credits amount,
      TransferKind kind,
      TransferMemo memo)
      implements TransferRequest {

    public Post {
      requireMovement(TransferType.POST, key, debit, credit, amount, kind, memo);
    }

    @Override
    public boolean sameContentAs(Transfer recorded) {
      return recorded.type() == TransferType.POST
          && recorded.debit().equals(debit)
          && recorded.credit().equals(credit)
          && recorded.amount().equals(amount)
          && recorded.kind() == kind
          && recorded.memo().equals(memo);
    }
  }

  /**
   * Reserves credits on the debit account until captured or released; an expiry, when given, is
   * the moment after which the hold can no longer be captured and a sweeper releases it.
   */
  record Hold(
      IdempotencyKey key,
      AccountId debit,
      AccountId credit,
      Credits amount,
      TransferKind kind,
      TransferMemo memo,
      Optional<Instant> expiresAt)
      implements TransferRequest {

    public Hold {
      requireMovement(TransferType.HOLD, key, debit, credit, amount, kind, memo);
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public boolean sameContentAs(Transfer recorded) {
      return recorded.type() == TransferType.HOLD
          && recorded.debit().equals(debit)
          && recorded.credit().equals(credit)
          && recorded.amount().equals(amount)
          && recorded.kind() == kind
          && recorded.memo().equals(memo)
          && recorded.expiresAt().equals(expiresAt);
    }
  }

  /** Posts {@code amount} of a hold (at most what was held) and releases the rest. */
  record Capture(IdempotencyKey key, TransferId holdId, Credits amount) implements TransferRequest {

    public Capture {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(holdId, "holdId");
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public boolean sameContentAs(Transfer recorded) {
      return recorded.type() == TransferType.CAPTURE
          && recorded.pendingId().equals(Optional.of(holdId))
          && recorded.amount().equals(amount);
    }
  }

  /** Voids a hold: every held credit becomes available again. */
  record Release(IdempotencyKey key, TransferId holdId, ReleaseReason reason) implements TransferRequest {

    public Release {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(holdId, "holdId");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean sameContentAs(Transfer recorded) {
      return recorded.type() == TransferType.RELEASE
          && recorded.pendingId().equals(Optional.of(holdId))
          && recorded.releaseReason().equals(Optional.of(reason));
    }
  }

  private static void requireMovement(TransferType type,
      IdempotencyKey key, AccountId debit, AccountId credit, Credits amount, TransferKind kind, TransferMemo memo) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(memo, "memo");
    if (debit.equals(credit)) {
      throw new IllegalArgumentException("an account cannot pay itself: " + debit);
    }
    if (amount.isZero()) {
      throw new IllegalArgumentException("a transfer moves at least one credit");
    }
    if (!kind.allows(type, debit, credit)) {
      throw new IllegalArgumentException("a " + kind + " cannot move credits " + debit + " → " + credit + " as a " + type);
    }
  }
}
