package dev.rei.domain.payment;

import java.util.Objects;

/** The outcome of applying a notification to a payment. */
public sealed interface Settlement {

  /** The payment changed (succeeded or was canceled); store it, and credit it if it succeeded. */
  record Changed(Payment payment) implements Settlement {
    public Changed {
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** Nothing changed, for the named reason. */
  record Refused(SettlementRefusal reason) implements Settlement {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
