package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} returns the money of {@code payment} to its payer, because of {@code reason}. */
public record RefundPaymentCommand(UserId admin, PaymentId payment, String reason) {

  public static final int MAX_REASON_LENGTH = 500;

  public RefundPaymentCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("a refund needs a reason of 1.." + MAX_REASON_LENGTH + " characters");
    }
  }
}
