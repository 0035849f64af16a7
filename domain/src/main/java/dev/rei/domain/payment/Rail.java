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

  /** Whether the rail takes payments in {@code currency}: Telegram Stars only in XTR, and XTR only through Telegram. */
  public boolean accepts(Currency currency) {
    return (this == TELEGRAM_STARS) == currency.equals(Currency.XTR);
  }

  /** Whether a payer can pay more than the invoice on this rail; the surplus buys nothing extra. */
  public boolean overpaymentPossible() {
    return overpaymentPossible;
  }
}
