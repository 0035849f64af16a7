package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.in.admin.KeyPoolSize;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the shared key health of every configured pool. A rest whose time has passed counts as
 * healthy, as it does when a worker picks a key; a billing block outranks a cool-down.
 */
public final class ProviderHealthService implements GetProviderHealthUseCase {

  private final List<KeyPoolSize> pools;
  private final KeyHealthStore keyHealth;
  private final Clock clock;

  public ProviderHealthService(List<KeyPoolSize> pools, KeyHealthStore keyHealth, Clock clock) {
    this.pools = pools.stream().sorted(Comparator.comparing(p -> p.provider().value())).toList();
    this.keyHealth = keyHealth;
    this.clock = clock;
  }

  @Override
  public List<ProviderHealth> providerHealth() {
    Instant now = clock.now();
    List<ProviderHealth> health = new ArrayList<>();
    for (KeyPoolSize pool : pools) {
      int healthy = 0;
      int cooling = 0;
      int blocked = 0;
      for (KeyHealth key : keyHealth.health(pool.keyIds())) {
        if (key.isHealthyAt(now)) {
          healthy++;
        } else if (key.block().orElseThrow().cause() == KeyEffect.BLOCK) {
          blocked++;
        } else {
          cooling++;
        }
      }
      health.add(new ProviderHealth(pool.provider(), healthy, cooling, blocked));
    }
    return health;
  }
}
