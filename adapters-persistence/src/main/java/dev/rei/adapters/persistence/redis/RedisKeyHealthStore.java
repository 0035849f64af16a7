package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider key health shared by every worker through Redis: one hash per blocked key (cause, until
 * in epoch milliseconds) that Redis deletes when the block ends by its own clock, which must
 * therefore agree with the workers' clocks to within a few seconds. Fails open: with Redis unreachable every key
 * reads as healthy, reports are dropped and the round-robin turn comes from a local counter.
 */
public final class RedisKeyHealthStore implements KeyHealthStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisKeyHealthStore.class);

  /** Sets the block unless a later one is already there; the key lives exactly until the block ends. */
  private static final String BLOCK = """
      local current = tonumber(redis.call('hget', KEYS[1], 'until') or '0')
      if current >= tonumber(ARGV[2]) then return 0 end
      redis.call('hset', KEYS[1], 'cause', ARGV[1], 'until', ARGV[2])
      redis.call('pexpireat', KEYS[1], ARGV[2])
      return 1
      """;

  private final RedisConnection redis;
  private final AtomicLong localTurns = new AtomicLong();

  public RedisKeyHealthStore(RedisConnection redis) {
    this.redis = redis;
  }

  private static String key(KeyId key) {
    return "rei:key-health:" + key.provider() + ":" + key.index();
  }

  @Override
  public List<KeyHealth> health(List<KeyId> keys) {
    try {
      List<KeyHealth> health = new ArrayList<>(keys.size());
      for (KeyId key : keys) {
        Map<String, String> block = redis.commands().hgetall(key(key));
        health.add(block.containsKey("until")
            ? new KeyHealth(key, Optional.of(new KeyBlock(KeyEffect.valueOf(block.get("cause")),
                Instant.ofEpochMilli(Long.parseLong(block.get("until"))))))
            : KeyHealth.healthy(key));
      }
      return health;
    } catch (RedisException e) {
      LOG.warn("key health unreadable, treating keys as healthy: {}", e.getMessage());
      return keys.stream().map(KeyHealth::healthy).toList();
    }
  }

  @Override
  public void block(KeyId key, KeyBlock block) {
    try {
      redis.commands().eval(BLOCK, ScriptOutputType.INTEGER, new String[] {key(key)}, block.cause().name(),
          Long.toString(block.until().toEpochMilli()));
    } catch (RedisException e) {
      LOG.warn("could not record block of {} until {}: {}", key, block.until(), e.getMessage());
    }
  }

  @Override
  public void clear(KeyId key) {
    try {
      redis.commands().del(key(key));
    } catch (RedisException e) {
      LOG.warn("could not clear block of {}: {}", key, e.getMessage());
    }
  }

  @Override
  public long nextTurn(ProviderName provider) {
    try {
      return redis.commands().incr("rei:key-turn:" + provider);
    } catch (RedisException e) {
      LOG.warn("shared key turn unavailable, rotating locally: {}", e.getMessage());
      return localTurns.getAndIncrement();
    }
  }
}
