package dev.rei.domain.ledger;

/**
 * Why credits moved, as a person reading their history would put it. Each kind moves credits
 * between fixed accounts in a fixed way, so a history can never be filed wrongly.
 */
public enum TransferKind {
  /** Credits bought with a payment: sales → user, posted. */
  TOP_UP,
  /** A refunded payment takes its credits back: user → sales (and user → bonus for its bonus), posted. */
  TOP_UP_REVERSAL,
  /** Gifted credits: the welcome bonus, a package bonus, a promotion: bonus → user, posted. */
  BONUS,
  /** Credits paid for a generation: user → revenue; Rei always holds first, an embedder may post at once. */
  SPEND,
  /** An operator's correction in either direction: adjustments ↔ user, posted. */
  ADJUSTMENT;

  /** Whether this kind may move credits from {@code debit} to {@code credit} as a {@code type}. */
  public boolean allows(TransferType type, AccountId debit, AccountId credit) {
    boolean userPays = debit instanceof UserAccount;
    boolean userGets = credit instanceof UserAccount;
    return switch (this) {
      case TOP_UP -> type == TransferType.POST && debit == SystemAccount.SALES && userGets;
      case TOP_UP_REVERSAL -> type == TransferType.POST && userPays
          && (credit == SystemAccount.SALES || credit == SystemAccount.BONUS);
      case BONUS -> type == TransferType.POST && debit == SystemAccount.BONUS && userGets;
      case SPEND -> (type == TransferType.HOLD || type == TransferType.POST) && userPays
          && credit == SystemAccount.REVENUE;
      case ADJUSTMENT -> type == TransferType.POST
          && (debit == SystemAccount.ADJUSTMENTS && userGets || userPays && credit == SystemAccount.ADJUSTMENTS);
    };
  }
}
