package dev.rei.application.port.in.payment;

import dev.rei.domain.ledger.Credits;
import java.util.Objects;

/** What the user chose on the top-up screen: a package by its code, or a number of credits. */
public sealed interface TopUpChoice {

  /** A configured package of the rail, by the code its button carries. */
  record Package(String code) implements TopUpChoice {
    public Package {
      Objects.requireNonNull(code, "code");
      if (code.isBlank()) {
        throw new IllegalArgumentException("a package code is not blank");
      }
    }
  }

  /** A custom amount, chosen in credits so that no rounding takes anything from anyone. */
  record Custom(Credits credits) implements TopUpChoice {
    public Custom {
      Objects.requireNonNull(credits, "credits");
      if (!credits.isPositive()) {
        throw new IllegalArgumentException("a top-up buys at least one credit");
      }
    }
  }
}
