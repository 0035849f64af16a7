package dev.rei.adapters.telegram.payment;

import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code successful_payment} service message, mapped at the edge: Telegram charged {@code
 * totalAmount} {@code currency} from {@code payerId} for the invoice with {@code payload}, as
 * charge {@code chargeId}. It comes from Telegram itself, so it is the verified notification the
 * core settles on, keyed on the charge id.
 */
public record StarsPaid(long payerId, String currency, long totalAmount, String payload, String chargeId) {

  public StarsPaid {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(chargeId, "chargeId");
  }

  /**
   * The notification for the core, or empty when the message cannot name one of our payments (a
   * payload that is no payment id, no charge id): the caller logs it for an operator.
   */
  public Optional<PaymentNotification> toNotification() {
    PaymentId paymentId;
    ProviderPaymentId charge;
    Money paid;
    try {
      paymentId = PaymentId.parse(payload);
      charge = new ProviderPaymentId(chargeId);
      // Another currency cannot come from our XTR invoice; passed on as it is, the core refuses the mismatch and alerts.
      Currency paidIn = Currency.XTR.code().equals(currency) ? Currency.XTR : new Currency(currency, 0);
      paid = Money.ofMinor(totalAmount, paidIn);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<UserId> payer = payerId > 0 ? Optional.of(UserId.of(payerId)) : Optional.empty();
    return Optional.of(new PaymentNotification(Rail.TELEGRAM_STARS, paymentId, charge,
        PaymentNotification.ReportedStatus.SUCCEEDED, paid, payer));
  }
}
