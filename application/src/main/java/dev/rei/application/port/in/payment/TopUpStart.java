package dev.rei.application.port.in.payment;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Payment;
import java.util.Objects;

/** A started top-up, or why none was started. */
public sealed interface TopUpStart {

  /** The pending payment, bound to the rail's id when the rail gave one, and what the user needs to pay. */
  record Started(Payment payment, PaymentGateway.Checkout checkout) implements TopUpStart {
    public Started {
      Objects.requireNonNull(payment, "payment");
      Objects.requireNonNull(checkout, "checkout");
    }
  }

  record Refused(TopUpStartRefusal reason) implements TopUpStart {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
