package dev.rei.domain.ledger;

/**
 * The bot's own accounts. They are the other side of every user movement and may go negative:
 * {@code SALES} is where bought credits come from, {@code BONUS} gifts, {@code ADJUSTMENTS} admin
 * corrections, {@code REVENUE} where spent credits go.
 */
public enum SystemAccount implements AccountId {
  SALES,
  BONUS,
  ADJUSTMENTS,
  REVENUE;

  @Override
  public boolean mustStayNonNegative() {
    return false;
  }

  @Override
  public String code() {
    return "system:" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
