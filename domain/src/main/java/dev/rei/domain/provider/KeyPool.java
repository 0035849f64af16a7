package dev.rei.domain.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys of one provider with their health. Immutable: reports return a new pool.
 *
 * <p>Rotation is round-robin over the keys healthy at the moment of the call; the turn counter
 * comes from outside (a shared counter, so several workers rotate together).
 */
public final class KeyPool {

  private final ProviderName provider;
  private final List<KeyHealth> keys;
  private final KeyPoolPolicy policy;

  public KeyPool(List<KeyHealth> keys, KeyPoolPolicy policy) {
    Objects.requireNonNull(keys, "keys");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a key pool needs at least one key");
    }
    this.keys = List.copyOf(keys);
    this.provider = this.keys.get(0).key().provider();
    Set<KeyId> seen = new HashSet<>();
    for (KeyHealth health : this.keys) {
      if (!health.key().provider().equals(provider)) {
        throw new IllegalArgumentException("keys of " + provider + " and " + health.key().provider() + " in one pool");
      }
      if (!seen.add(health.key())) {
        throw new IllegalArgumentException("key " + health.key() + " appears twice");
      }
    }
  }

  /** A pool of {@code count} healthy keys numbered from 0. */
  public static KeyPool of(ProviderName provider, int count, KeyPoolPolicy policy) {
    List<KeyHealth> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(KeyHealth.healthy(new KeyId(provider, i)));
    }
    return new KeyPool(keys, policy);
  }

  public ProviderName provider() {
    return provider;
  }

  public List<KeyHealth> keys() {
    return keys;
  }

  public KeyPoolPolicy policy() {
    return policy;
  }

  /**
   * The key for call number {@code turn}: the turn-th healthy key, round-robin; when none is
   * healthy, the key whose block ends first (the lowest index on a tie), flagged.
   */
  public KeySelection select(long turn, Instant now) {
    List<KeyId> healthy = new ArrayList<>();
    for (KeyHealth health : keys) {
      if (health.isHealthyAt(now)) {
        healthy.add(health.key());
      }
    }
    if (!healthy.isEmpty()) {
      return new KeySelection(healthy.get((int) Math.floorMod(turn, (long) healthy.size())), false);
    }
    // Ties go to the lowest index, not the first in the list: a pool restored from storage may list keys in any order.
    KeyHealth soonest = keys.stream()
        .min(Comparator.comparing((KeyHealth h) -> h.usableFrom(now)).thenComparingInt(h -> h.key().index()))
        .orElseThrow();
    return new KeySelection(soonest.key(), true);
  }

  /**
   * The pool after a call on {@code key} ended with {@code effect}. A new block never shortens a
   * longer one already in place: a cool-down does not lift a billing block.
   */
  public KeyPool report(KeyId key, KeyEffect effect, Instant now) {
    Objects.requireNonNull(effect, "effect");
    // A key of another pool is a caller's mistake whatever the effect, so check it before the no-op.
    health(key);
    if (effect == KeyEffect.NONE) {
      return this;
    }
    Instant until = now.plus(policy.durationOf(effect));
    return replace(key, health -> {
      Optional<KeyBlock> current = health.block().filter(b -> b.isActiveAt(now));
      if (current.isPresent() && !current.get().until().isBefore(until)) {
        return health;
      }
      return new KeyHealth(key, Optional.of(new KeyBlock(effect, until)));
    });
  }

  /** The pool after a successful call on {@code key}: whatever block it had is lifted. */
  public KeyPool reportSuccess(KeyId key) {
    return replace(key, health -> KeyHealth.healthy(key));
  }

  public KeyHealth health(KeyId key) {
    return keys.stream()
        .filter(h -> h.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("key " + key + " is not in the pool of " + provider));
  }

  private KeyPool replace(KeyId key, java.util.function.UnaryOperator<KeyHealth> change) {
    KeyHealth current = health(key);
    List<KeyHealth> next = new ArrayList<>(keys.size());
    for (KeyHealth health : keys) {
      next.add(health.key().equals(key) ? change.apply(current) : health);
    }
    return new KeyPool(next, policy);
  }

  @Override
  public String toString() {
    return "KeyPool[" + provider + ", " + keys + "]";
  }
}
