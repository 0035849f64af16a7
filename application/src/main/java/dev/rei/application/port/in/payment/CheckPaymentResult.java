package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.Payment;
import java.util.Objects;

/** What a check found; every answer but a refusal carries the payment as it is after the check. */
public sealed interface CheckPaymentResult {

  /**
   * The rail reported the payment final and its report was applied: {@code result} says whether
   * this check settled or canceled it, or why it changed nothing (another notification got there
   * first, or the report does not match the payment, which alerts admins).
   */
  record Checked(SettleResult result, Payment payment) implements CheckPaymentResult {
    public Checked {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** The rail does not report the payment as paid or canceled yet. */
  record StillPending(Payment payment) implements CheckPaymentResult {
    public StillPending {
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** The payment had already succeeded, been canceled or refunded; the rail was not asked. */
  record AlreadyFinal(Payment payment) implements CheckPaymentResult {
    public AlreadyFinal {
      Objects.requireNonNull(payment, "payment");
    }
  }

  record Refused(CheckPaymentRefusal reason) implements CheckPaymentResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
