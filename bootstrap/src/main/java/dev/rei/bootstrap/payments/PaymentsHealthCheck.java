package dev.rei.bootstrap.payments;

import dev.rei.adapters.payments.BreakingGateway;
import dev.rei.adapters.payments.RailHealth;
import dev.rei.bootstrap.http.Health;
import dev.rei.bootstrap.http.HealthCheck;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /health/payments}: down while any rail's circuit is open (calls to it fail fast), naming the rail and why. */
public final class PaymentsHealthCheck implements HealthCheck {

  private final List<BreakingGateway> rails;

  public PaymentsHealthCheck(Set<BreakingGateway> rails) {
    this.rails = rails.stream().sorted(Comparator.comparing(r -> r.rail().name())).toList();
  }

  @Override
  public Health check() {
    List<RailHealth> open = rails.stream().map(BreakingGateway::health)
        .filter(h -> h.state() == RailHealth.State.OPEN).toList();
    if (open.isEmpty()) {
      return Health.healthy();
    }
    return Health.down(open.stream().map(h -> h.rail() + " unavailable" + h.lastError().map(e -> ": " + e).orElse(""))
        .collect(Collectors.joining("; ")));
  }
}
