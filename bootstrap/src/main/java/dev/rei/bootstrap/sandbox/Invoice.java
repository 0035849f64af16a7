package dev.rei.bootstrap.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * An invoice the bot sent with sendInvoice.
 *
 * @param title 1–32 characters
 * @param description 1–255 characters
 * @param payload the bot's own reference, 1–128 bytes, never shown to the user
 * @param currency such as {@code "XTR"} for Telegram Stars
 * @param prices the price parts; exactly one for Stars
 * @param startParameter the deep-link parameter, or null
 */
public record Invoice(
    String title, String description, String payload, String currency, List<Price> prices, String startParameter) {

  public Invoice {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(currency, "currency");
    prices = List.copyOf(prices);
  }

  /** One labelled part of the price, in the currency's smallest unit (whole Stars for XTR). */
  public record Price(String label, long amount) {

    public Price {
      Objects.requireNonNull(label, "label");
    }
  }

  /** The sum of the prices: what the user pays. */
  public long totalAmount() {
    return prices.stream().mapToLong(Price::amount).sum();
  }
}
