package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code requester} pressed "check payment" for {@code payment}. */
public record CheckPaymentCommand(UserId requester, PaymentId payment) {

  public CheckPaymentCommand {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(payment, "payment");
  }
}
