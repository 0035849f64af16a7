package dev.rei.domain.payment;

/** The ways a user can pay. */
public enum Rail {
  /** Cards and SBP in roubles through YooKassa. */
  YOOKASSA(false),
  /** Crypto through Heleket; a payer may send more than asked ({@code paid_over}). */
  HELEKET(true),
  /** Telegram Stars ({@code XTR}), the currency Telegram requires for digital goods. */
  TELEGRAM_STARS(false);

  private final boolean overpaymentPossible;

  Rail(boolean overpaymentPossible) {
    this.overpaymentPossible = overpaymentPossible;
  }

  /** Whether a payer can pay more than the invoice on this rail; the surplus buys nothing extra. */
  public boolean overpaymentPossible() {
    return overpaymentPossible;
  }
}
