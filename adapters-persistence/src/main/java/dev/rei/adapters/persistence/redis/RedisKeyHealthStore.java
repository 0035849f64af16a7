package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider key health shared by every worker through Redis.
 *
 * <p>A blocked key is a hash {@code {cause, until}} ({@code until} in epoch milliseconds) that
 * Redis deletes when the block ends by its own clock, which must therefore agree with the workers'
 * clocks to within a few seconds. Blocking is a script that keeps a running block ending at the
 * same time or later, so a cool-down never shortens a billing block, whichever worker reports
 * first. The round-robin turn is an {@code INCR} per provider.
 *
 * <p>Fails open, as the port says: with Redis unreachable every key reads as healthy, reports are
 * dropped, and turns come from a counter in this process; each outage is logged as a warning.
 */
public final class RedisKeyHealthStore implements KeyHealthStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisKeyHealthStore.class);

  private static final RedisScript READ = RedisScript.of("""
      local out = {}
      for i, key in ipairs(KEYS) do
        local block = redis.call('hmget', key, 'cause', 'until')
        out[2 * i - 1] = block[1] or ''
        out[2 * i] = block[2] or ''
      end
      return out
      """);
  private static final RedisScript BLOCK = RedisScript.of("""
      local current = tonumber(redis.call('hget', KEYS[1], 'until') or '0')
      if current >= tonumber(ARGV[2]) then return 0 end
      redis.call('hset', KEYS[1], 'cause', ARGV[1], 'until', ARGV[2])
      redis.call('pexpireat', KEYS[1], ARGV[2])
      return 1
      """);

  private final RedisConnection redis;
  private final Map<ProviderName, AtomicLong> localTurns = new ConcurrentHashMap<>();

  public RedisKeyHealthStore(RedisConnection redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  // The provider is the hash tag: one script reads all keys of a pool, also on Redis Cluster.
  private String key(KeyId key) {
    return redis.key("key-health", "{" + key.provider() + "}", Integer.toString(key.index()));
  }

  @Override
  public List<KeyHealth> health(List<KeyId> keys) {
    List<KeyId> asked = List.copyOf(keys);
    return redis.orElse("provider keys read as healthy", () -> read(asked),
        () -> asked.stream().map(KeyHealth::healthy).toList());
  }

  private List<KeyHealth> read(List<KeyId> keys) {
    Map<ProviderName, List<KeyId>> byProvider = new LinkedHashMap<>();
    for (KeyId key : keys) {
      byProvider.computeIfAbsent(key.provider(), p -> new ArrayList<>()).add(key);
    }
    Map<KeyId, KeyHealth> found = new LinkedHashMap<>();
    for (List<KeyId> pool : byProvider.values()) {
      List<String> fields = redis.eval(READ, ScriptOutputType.MULTI,
          pool.stream().map(this::key).toArray(String[]::new));
      for (int i = 0; i < pool.size(); i++) {
        found.put(pool.get(i), health(pool.get(i), fields.get(2 * i), fields.get(2 * i + 1)));
      }
    }
    return keys.stream().map(found::get).toList();
  }

  private static KeyHealth health(KeyId key, String cause, String untilMillis) {
    if (cause.isEmpty() || untilMillis.isEmpty()) {
      return KeyHealth.healthy(key);
    }
    try {
      return new KeyHealth(key, Optional.of(
          new KeyBlock(KeyEffect.valueOf(cause), Instant.ofEpochMilli(Long.parseLong(untilMillis)))));
    } catch (IllegalArgumentException e) {
      // Written by another version of Rei, say; a key we cannot judge is offered rather than lost.
      LOG.warn("unreadable block of key {} ({}, {}), treating it as healthy", key, cause, untilMillis);
      return KeyHealth.healthy(key);
    }
  }

  @Override
  public void block(KeyId key, KeyBlock block) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(block, "block");
    String until = Long.toString(ceilMillis(block.until()));
    redis.orElse("a key block is dropped", () -> redis.eval(BLOCK, ScriptOutputType.INTEGER,
        new String[] {key(key)}, block.cause().name(), until), () -> 0L);
  }

  // Redis counts whole milliseconds; rounding up never ends a block early.
  private static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  @Override
  public void clear(KeyId key) {
    Objects.requireNonNull(key, "key");
    redis.orElse("a key block is not lifted", () -> redis.commands().del(key(key)), () -> 0L);
  }

  @Override
  public long nextTurn(ProviderName provider) {
    Objects.requireNonNull(provider, "provider");
    return redis.orElse("provider keys rotate per process",
        () -> redis.commands().incr(redis.key("key-turn", "{" + provider + "}")) - 1,
        () -> localTurns.computeIfAbsent(provider, p -> new AtomicLong()).getAndIncrement());
  }
}
