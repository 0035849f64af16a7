package dev.rei.adapters.telegram.state;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.pricing.Quote;
import java.time.Instant;
import java.util.Objects;

/** A {@link Quote} kept on our side between showing a price and the user's confirming press. */
public record QuoteState(ItemState item, int count, long unitPrice, String issuedAt, String validUntil) {

  public QuoteState {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(validUntil, "validUntil");
  }

  public static QuoteState of(Quote quote) {
    return new QuoteState(ItemState.of(quote.item()), quote.count(), quote.unitPrice().value(),
        quote.issuedAt().toString(), quote.validUntil().toString());
  }

  /** The quote again; throws {@link IllegalArgumentException} or a parse error for a corrupt state. */
  public Quote toQuote() {
    return new Quote(item.toItem(), count, Credits.of(unitPrice), Instant.parse(issuedAt), Instant.parse(validUntil));
  }
}
