package dev.rei.domain.ledger;

/** The phase a transfer represents, after TigerBeetle's transfer flags. */
public enum TransferType {
  /** Moves credits at once. */
  POST,
  /** Reserves credits: a pending debit and credit, counted against the debit's available balance. */
  HOLD,
  /** Resolves a hold by posting all or part of it; the remainder is released in the same step. */
  CAPTURE,
  /** Resolves a hold by voiding it entirely. */
  RELEASE;

  public boolean resolvesHold() {
    return this == CAPTURE || this == RELEASE;
  }
}
