package dev.rei.application.port.in.order;

import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code count} of {@code item} for {@code user}; the count is checked by the price list. */
public record QuoteCommand(UserId user, PricedItem item, int count) {

  public QuoteCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
  }
}
