package dev.rei.application.fakes;

import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link KeyHealthStore} in memory; a block never shortens one ending at the same time or later,
 * as the port says (and as {@code KeyPool.report} does).
 */
public final class InMemoryKeyHealthStore implements KeyHealthStore {

  private final Map<KeyId, KeyBlock> blocks = new ConcurrentHashMap<>();
  private final Map<ProviderName, AtomicLong> turns = new ConcurrentHashMap<>();

  @Override
  public List<KeyHealth> health(List<KeyId> keys) {
    return keys.stream().map(key -> new KeyHealth(key, Optional.ofNullable(blocks.get(key)))).toList();
  }

  @Override
  public void block(KeyId key, KeyBlock block) {
    blocks.merge(key, block, (current, next) -> next.until().isAfter(current.until()) ? next : current);
  }

  @Override
  public void clear(KeyId key) {
    blocks.remove(key);
  }

  @Override
  public long nextTurn(ProviderName provider) {
    return turns.computeIfAbsent(provider, p -> new AtomicLong(-1)).incrementAndGet();
  }
}
