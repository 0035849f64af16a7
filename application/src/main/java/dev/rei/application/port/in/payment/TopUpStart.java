package dev.rei.application.port.in.payment;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Payment;
import java.util.Objects;

/** A started top-up, or why none was started. */
public sealed interface TopUpStart {

  record Started(Payment payment, PaymentGateway.Checkout checkout) implements TopUpStart {
    public Started {
      Objects.requireNonNull(payment, "payment");
      Objects.requireNonNull(checkout, "checkout");
    }
  }

  record Refused(Reason reason) implements TopUpStart {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why no top-up was started; no money was asked for. */
  enum Reason {
    UNKNOWN_USER,
    BANNED,
    RAIL_NOT_OFFERED,
    UNKNOWN_PACKAGE,
    CUSTOM_AMOUNT_NOT_OFFERED,
    BELOW_MINIMUM,
    ABOVE_MAXIMUM,
    /** The rail did not answer; the pending payment was canceled. */
    RAIL_UNAVAILABLE
  }
}
