package dev.rei.application.port.in.order;

/** Prices an order before the user confirms it, next to their balance. */
public interface QuoteUseCase {

  QuoteOffer quote(QuoteCommand command);
}
