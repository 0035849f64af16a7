package dev.rei.bootstrap.http;

import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.in.admin.ProviderHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health/providers}: each configured key pool (every generation provider, and the Reels
 * script writer's OpenAI keys) with its keys healthy, cooling down and blocked — counts only, never
 * a key. Down when some pool has no healthy key: its jobs go to the key whose rest ends first and
 * will likely fail.
 */
public final class ProvidersHealthCheck implements HealthCheck {

  private final GetProviderHealthUseCase providers;

  public ProvidersHealthCheck(GetProviderHealthUseCase providers) {
    this.providers = providers;
  }

  @Override
  public Health check() {
    List<ProviderHealth> pools = providers.providerHealth();
    Map<String, Object> details = new LinkedHashMap<>();
    for (ProviderHealth pool : pools) {
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put("status", pool.usable() ? "UP" : "DOWN");
      keys.put("keys", pool.keys());
      keys.put("healthy", pool.healthy());
      keys.put("cooling", pool.cooling());
      keys.put("blocked", pool.blocked());
      details.put(pool.provider().value(), keys);
    }
    List<String> down = pools.stream().filter(pool -> !pool.usable()).map(pool -> pool.provider().value()).toList();
    Health health = down.isEmpty() ? Health.healthy()
        : Health.down("no usable key (every key blocked or cooling down): " + String.join(", ", down));
    return health.withDetails(Map.of("providers", details));
  }
}
