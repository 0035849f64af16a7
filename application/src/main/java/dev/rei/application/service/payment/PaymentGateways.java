package dev.rei.application.service.payment;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Rail;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The configured gateway of each rail; a rail without one is not offered. */
public final class PaymentGateways {

  private final Map<Rail, PaymentGateway> byRail = new EnumMap<>(Rail.class);

  public PaymentGateways(Collection<? extends PaymentGateway> gateways) {
    for (PaymentGateway gateway : gateways) {
      if (byRail.put(gateway.rail(), gateway) != null) {
        throw new IllegalArgumentException("two gateways for " + gateway.rail());
      }
    }
  }

  public Optional<PaymentGateway> of(Rail rail) {
    return Optional.ofNullable(byRail.get(rail));
  }
}
