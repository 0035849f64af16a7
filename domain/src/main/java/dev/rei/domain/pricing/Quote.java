package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import java.time.Instant;
import java.util.Objects;

/**
 * A price fixed before the user confirms: {@code count} items at {@code unitPrice} each. The order
 * placed from it uses exactly this price, whatever the price list says by then, as long as the
 * quote is still valid.
 */
public record Quote(PricedItem item, int count, Credits unitPrice, Instant issuedAt, Instant validUntil) {

  public static final int MAX_COUNT = 10;

  public Quote {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(validUntil, "validUntil");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", was " + count);
    }
    if (!unitPrice.isPositive()) {
      throw new IllegalArgumentException("a quoted item costs at least one credit");
    }
    if (!validUntil.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a quote must be valid for some time");
    }
  }

  public Credits total() {
    return unitPrice.times(count);
  }

  /** Whether an order may be placed from this quote at {@code now}: from its issue until {@code validUntil}. */
  public boolean isValidAt(Instant now) {
    return !now.isBefore(issuedAt) && now.isBefore(validUntil);
  }
}
