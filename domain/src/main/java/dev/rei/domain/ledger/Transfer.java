package dev.rei.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded, immutable movement of credits. Transfers are never changed or deleted; corrections
 * are new transfers.
 *
 * <p>A capture or release copies the accounts, kind and memo of the hold it resolves and names it
 * in {@link #pendingId()}. The amount of a capture is what was posted; of a release, what was held.
 */
public record Transfer(
    TransferId id,
    IdempotencyKey key,
    TransferType type,
    AccountId debit,
    AccountId credit,
    Credits amount,
    TransferKind kind,
    TransferMemo memo,
    Optional<TransferId> pendingId,
    Optional<Instant> expiresAt,
    Optional<ReleaseReason> releaseReason,
    Instant createdAt) {

  public Transfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(pendingId, "pendingId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(releaseReason, "releaseReason");
    Objects.requireNonNull(createdAt, "createdAt");
    if (debit.equals(credit)) {
      throw new IllegalArgumentException("an account cannot pay itself: " + debit);
    }
    if (type.resolvesHold() != pendingId.isPresent()) {
      throw new IllegalArgumentException("only a capture or release names a hold, type " + type);
    }
    if (expiresAt.isPresent() && type != TransferType.HOLD) {
      throw new IllegalArgumentException("only a hold has an expiry, type " + type);
    }
    if ((type == TransferType.RELEASE) != releaseReason.isPresent()) {
      throw new IllegalArgumentException("a release, and only a release, has a reason, type " + type);
    }
    if (amount.isZero() && type != TransferType.CAPTURE) {
      throw new IllegalArgumentException("only a capture may post zero credits, type " + type);
    }
  }

  /** A {@link TransferType#POST} or {@link TransferType#HOLD} as recorded from its request. */
  static Transfer recordPost(TransferId id, TransferRequest.Post request, Instant now) {
    return new Transfer(id, request.key(), TransferType.POST, request.debit(), request.credit(),
        request.amount(), request.kind(), request.memo(), Optional.empty(), Optional.empty(),
        Optional.empty(), now);
  }

  static Transfer recordHold(TransferId id, TransferRequest.Hold request, Instant now) {
    return new Transfer(id, request.key(), TransferType.HOLD, request.debit(), request.credit(),
        request.amount(), request.kind(), request.memo(), Optional.empty(), request.expiresAt(),
        Optional.empty(), now);
  }

  static Transfer recordCapture(TransferId id, IdempotencyKey key, Transfer hold, Credits captured, Instant now) {
    return new Transfer(id, key, TransferType.CAPTURE, hold.debit(), hold.credit(), captured,
        hold.kind(), hold.memo(), Optional.of(hold.id()), Optional.empty(), Optional.empty(), now);
  }

  static Transfer recordRelease(TransferId id, IdempotencyKey key, Transfer hold, ReleaseReason reason, Instant now) {
    return new Transfer(id, key, TransferType.RELEASE, hold.debit(), hold.credit(), hold.amount(),
        hold.kind(), hold.memo(), Optional.of(hold.id()), Optional.empty(), Optional.of(reason), now);
  }

  /** Whether this hold could no longer be captured at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
  }

  /** How a person reading a history would file this entry. */
  public HistoryCategory category() {
    return HistoryCategory.of(this);
  }
}
