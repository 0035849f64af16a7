package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.UserId;

/** The user's "check payment" button: asks the rail now instead of waiting for its notification. */
public interface CheckPaymentUseCase {

  CheckResult check(UserId requester, PaymentId payment);

  /** The payment's state after asking the rail. */
  sealed interface CheckResult {
    record Checked(SettleResult result) implements CheckResult {}

    /** The rail does not know the payment as paid or canceled yet. */
    record StillPending() implements CheckResult {}

    record Refused(Reason reason) implements CheckResult {}

    /** Why the check was not made. */
    enum Reason {
      UNKNOWN_PAYMENT,
      NOT_YOURS,
      RAIL_UNAVAILABLE
    }
  }
}
