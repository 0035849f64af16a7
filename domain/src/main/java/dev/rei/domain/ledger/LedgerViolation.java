package dev.rei.domain.ledger;

import java.util.Objects;

/** A broken ledger invariant found by {@link LedgerAudit}, with the facts that show it. */
public record LedgerViolation(Invariant invariant, String detail) {

  public LedgerViolation {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(detail, "detail");
  }

  /** The invariants of DESIGN §2.1. */
  public enum Invariant {
    /** Σ of all posted balances is zero, and so is Σ pending debits − Σ pending credits. */
    BALANCES_SUM_TO_ZERO,
    /** No user account has a negative posted or available balance. */
    USER_BALANCE_NON_NEGATIVE,
    /** Every account's counters equal the sum of its transfers. */
    COUNTERS_MATCH_ENTRIES,
    /** A hold is captured or released at most once. */
    HOLD_RESOLVED_AT_MOST_ONCE,
    /** A capture posts at most the held amount. */
    CAPTURE_WITHIN_HOLD,
    /** A capture or release names an existing hold, with the hold's accounts. */
    RESOLUTION_NAMES_A_HOLD,
    /** No two transfers share an idempotency key or an id. */
    KEYS_UNIQUE
  }
}
