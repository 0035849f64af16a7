package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.LockManager;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Named locks in Redis with expiry and fencing tokens.
 *
 * <p>Acquiring is one script, so it is atomic: when the lock key is free, an {@code INCR} of the
 * name's fencing counter (a key that never expires) gives the token, and {@code SET key
 * token:owner NX PX ttl} takes the lock. Each holder's token is therefore larger than every earlier
 * holder's, also after a lock expired and was taken over, and a failed attempt uses up no token.
 * The random owner id makes the value unique even if the counter were ever reset; release and
 * extend are scripts that act only while the value is still ours, so nobody can release or extend
 * someone else's lock.
 *
 * <p>With Redis unreachable no lock is granted and extend and release report failure (fail closed):
 * a lock promises that nobody else holds it, which cannot be known then. Locks only cut contention,
 * so callers whose work must go on during an outage should not make it depend on a lock alone; the
 * database's row locks keep the money right either way. A Redis that loses its data (a restart
 * without persistence) restarts the fencing counters.
 */
public final class RedisLockManager implements LockManager {

  private static final RedisScript ACQUIRE = RedisScript.of("""
      if redis.call('exists', KEYS[1]) == 1 then return 0 end
      local token = redis.call('incr', KEYS[2])
      redis.call('set', KEYS[1], token .. ':' .. ARGV[1], 'NX', 'PX', ARGV[2])
      return token
      """);
  private static final RedisScript RELEASE = RedisScript.of("""
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
      return 0
      """);
  private static final RedisScript EXTEND = RedisScript.of("""
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
      return 0
      """);

  private final RedisConnection redis;

  public RedisLockManager(RedisConnection redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public Optional<DistributedLock> tryAcquire(String name, Duration ttl) {
    Objects.requireNonNull(name, "name");
    long ttlMillis = ttlMillis(ttl);
    String key = redis.key("lock", "{" + name + "}");
    String owner = UUID.randomUUID().toString();
    return redis.orElse("no lock is granted", () -> {
      Long token = redis.eval(ACQUIRE, ScriptOutputType.INTEGER, new String[] {key, key + ":fence"}, owner,
          Long.toString(ttlMillis));
      return token == null || token == 0L
          ? Optional.<DistributedLock>empty()
          : Optional.<DistributedLock>of(new RedisLock(name, key, token, token + ":" + owner));
    }, Optional::empty);
  }

  private static long ttlMillis(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lock's ttl must be positive, was " + ttl);
    }
    // Redis counts whole milliseconds; rounding up never hands a lock back early.
    return Math.max(1, ttl.plusNanos(999_999).toMillis());
  }

  private final class RedisLock implements DistributedLock {

    private final String name;
    private final String key;
    private final long token;
    private final String value;

    RedisLock(String name, String key, long token, String value) {
      this.name = name;
      this.key = key;
      this.token = token;
      this.value = value;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public long fencingToken() {
      return token;
    }

    @Override
    public boolean extend(Duration ttl) {
      String millis = Long.toString(ttlMillis(ttl));
      return redis.orElse("no lock is extended", () -> isOne(redis.eval(EXTEND, ScriptOutputType.INTEGER,
          new String[] {key}, value, millis)), () -> false);
    }

    @Override
    public boolean release() {
      return redis.orElse("no lock is released (they expire by themselves)", () -> isOne(redis.eval(RELEASE,
          ScriptOutputType.INTEGER, new String[] {key}, value)), () -> false);
    }

    private boolean isOne(Long result) {
      return result != null && result == 1L;
    }

    @Override
    public String toString() {
      return "lock " + name + " #" + token;
    }
  }
}
