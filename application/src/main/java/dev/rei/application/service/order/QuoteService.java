package dev.rei.application.service.order;

import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.order.QuoteOffer;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.pricing.PriceList;

/** Quotes from the configured price list. */
public final class QuoteService implements QuoteUseCase {

  private final PriceList prices;
  private final LedgerStore ledger;
  private final Clock clock;

  public QuoteService(PriceList prices, LedgerStore ledger, Clock clock) {
    this.prices = prices;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public QuoteOffer quote(QuoteCommand command) {
    return new QuoteOffer(prices.quote(command.item(), command.count(), clock.now()), ledger.balanceOf(command.user()));
  }
}
