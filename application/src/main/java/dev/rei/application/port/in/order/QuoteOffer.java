package dev.rei.application.port.in.order;

import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.pricing.QuoteResult;
import java.util.Objects;

/** The quote (or why there is none) and what the user has to pay it with. */
public record QuoteOffer(QuoteResult result, UserBalance balance) {

  public QuoteOffer {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(balance, "balance");
  }
}
