package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * The service message content Telegram posts when a user has paid an invoice (or, with {@code refunded}, the one
 * it posts after refundStarPayment).
 *
 * @param currency the invoice's currency
 * @param totalAmount what was paid, in the currency's smallest unit
 * @param invoicePayload the bot's payload from the invoice
 * @param telegramPaymentChargeId Telegram's id of the payment: the key to credit once and to refund with
 * @param providerPaymentChargeId the payment provider's id; empty for Stars
 * @param refunded whether this is the refunded_payment message rather than successful_payment
 */
public record SuccessfulPayment(
    String currency, long totalAmount, String invoicePayload, String telegramPaymentChargeId,
    String providerPaymentChargeId, boolean refunded) {

  public SuccessfulPayment {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(invoicePayload, "invoicePayload");
    Objects.requireNonNull(telegramPaymentChargeId, "telegramPaymentChargeId");
    Objects.requireNonNull(providerPaymentChargeId, "providerPaymentChargeId");
  }
}
