package dev.rei.domain.ledger;

/** The filters of a user's history: what an entry meant to them. */
public enum HistoryCategory {
  /** Credits bought, and credits taken back when their payment was refunded. */
  TOP_UP,
  SPEND,
  /** Held credits that came back because a job failed, was cancelled or expired. */
  RETURN,
  BONUS,
  ADJUSTMENT;

  static HistoryCategory of(Transfer transfer) {
    return switch (transfer.kind()) {
      case TOP_UP -> TOP_UP;
      case TOP_UP_REVERSAL -> TOP_UP;
      case BONUS -> BONUS;
      case ADJUSTMENT -> ADJUSTMENT;
      // A capture of nothing gave every held credit back.
      case SPEND -> transfer.type() == TransferType.RELEASE || transfer.type() == TransferType.CAPTURE
          && transfer.amount().isZero() ? RETURN : SPEND;
    };
  }
}
