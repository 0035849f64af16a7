package dev.rei.domain.pricing;

import java.util.Objects;

/** A quote, or why there is none. */
public sealed interface QuoteResult {

  record Quoted(Quote quote) implements QuoteResult {
    public Quoted {
      Objects.requireNonNull(quote, "quote");
    }
  }

  record Refused(QuoteRefusal reason) implements QuoteResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
