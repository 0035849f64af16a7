package dev.rei.domain.pricing;

import java.util.Objects;

/** A top-up offer, or why there is none. */
public sealed interface TopUpResult {

  record Offered(TopUpOffer offer) implements TopUpResult {
    public Offered {
      Objects.requireNonNull(offer, "offer");
    }
  }

  record Refused(TopUpRefusal reason) implements TopUpResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
