package dev.rei.application.port.out;

import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment rail's API. Calls are made outside any transaction; a rail that cannot be reached
 * throws {@link GatewayUnavailableException}.
 */
public interface PaymentGateway {

  Rail rail();

  /** Creates the payment at the rail: a pay link, or an invoice sent to the user's chat. */
  Checkout create(Payment payment);

  /** Reads the payment back from the rail, authenticated; empty if the rail does not know it. */
  Optional<PaymentNotification> fetch(Payment payment);

  /**
   * Returns the payment's money to the payer. Throws {@link RefundRefusedException} when the rail
   * answered that it will not (the words of the rail are kept for the operator).
   */
  void refund(Payment payment);

  /** What the user needs to pay: a link to open, or nothing when the rail sent an invoice itself. */
  record Checkout(Optional<ProviderPaymentId> providerPaymentId, Optional<String> payUrl) {
    public Checkout {
      Objects.requireNonNull(providerPaymentId, "providerPaymentId");
      Objects.requireNonNull(payUrl, "payUrl");
    }
  }

  /** The rail is down or refused to answer; nothing was changed on our side. */
  final class GatewayUnavailableException extends RuntimeException {
    public GatewayUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The rail answered and refused to refund, e.g. "refunds are made in the dashboard"; nothing
   * changed. A rail adapter may subclass it to name its own refusals.
   */
  class RefundRefusedException extends RuntimeException {
    public RefundRefusedException(String railReason) {
      super(railReason);
    }

    /** What the rail said, for the operator; never holds a secret. */
    public String railReason() {
      return getMessage();
    }
  }
}
