package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.SettlementRefusal;
import java.util.Objects;

/** What a notification did to its payment. */
public sealed interface SettleResult {

  /** The payment succeeded now and its credits were granted. */
  record Settled(Payment payment) implements SettleResult {
    public Settled {
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** The rail canceled the pending payment. */
  record Canceled(Payment payment) implements SettleResult {
    public Canceled {
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** Nothing changed, for the named reason (a duplicate, an unknown payment, a mismatch…). */
  record Ignored(SettlementRefusal reason) implements SettleResult {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
