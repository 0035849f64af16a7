package dev.rei.domain.pricing;

import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import java.util.Objects;
import java.util.Optional;

/** What a top-up will cost and give; {@code packageCode} is empty for a custom amount. */
public record TopUpOffer(Rail rail, Money price, CreditGrant grant, Optional<String> packageCode) {

  public TopUpOffer {
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(packageCode, "packageCode");
  }
}
