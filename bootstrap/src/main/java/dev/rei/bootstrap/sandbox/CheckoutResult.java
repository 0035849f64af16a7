package dev.rei.bootstrap.sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a user paying an invoice: the bot's pre-checkout answer and, when it accepted, the
 * successful_payment service message the user's chat received.
 *
 * @param answer the bot's answer to the pre-checkout query
 * @param paymentMessage the successful_payment message, or null when the bot refused
 */
public record CheckoutResult(PreCheckoutAnswer answer, ChatMessage paymentMessage) {

  public CheckoutResult {
    Objects.requireNonNull(answer, "answer");
  }

  /** The successful_payment message, when the bot accepted the checkout. */
  public Optional<ChatMessage> payment() {
    return Optional.ofNullable(paymentMessage);
  }
}
