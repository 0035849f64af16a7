package dev.rei.domain.ledger;

import java.util.Objects;
import java.util.Optional;

/** A hold as its owner sees it: the pending transfer and how, if at all, it was resolved. */
public record Hold(Transfer pending, Optional<Transfer> resolution) {

  public Hold {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(resolution, "resolution");
    if (pending.type() != TransferType.HOLD) {
      throw new IllegalArgumentException("not a hold: " + pending.id());
    }
    if (resolution.isPresent() && !resolution.get().pendingId().equals(Optional.of(pending.id()))) {
      throw new IllegalArgumentException("transfer " + resolution.get().id() + " does not resolve " + pending.id());
    }
  }

  public TransferId id() {
    return pending.id();
  }

  public Credits amount() {
    return pending.amount();
  }

  public Status status() {
    return resolution.map(r -> r.type() == TransferType.CAPTURE ? Status.CAPTURED : Status.RELEASED)
        .orElse(Status.PENDING);
  }

  /** Whether the hold is unresolved; an expired hold is pending until a sweeper releases it. */
  public boolean isPending() {
    return resolution.isEmpty();
  }

  /** The states of a hold. */
  public enum Status {
    PENDING,
    CAPTURED,
    RELEASED
  }
}
