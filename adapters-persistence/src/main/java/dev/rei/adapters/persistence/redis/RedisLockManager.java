package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.LockManager;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named locks in Redis: {@code SET NX PX} holding a fencing token from a per-name counter; release
 * and extend compare the token in a script, so nobody can release or extend someone else's lock.
 * With Redis unreachable no lock is granted (fail closed): locks only reduce contention, and the
 * database's row locks keep the money right either way.
 */
public final class RedisLockManager implements LockManager {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLockManager.class);

  private static final String RELEASE = """
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end
      """;
  private static final String EXTEND = """
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end
      """;

  private final RedisConnection redis;

  public RedisLockManager(RedisConnection redis) {
    this.redis = redis;
  }

  @Override
  public Optional<DistributedLock> tryAcquire(String name, Duration ttl) {
    String key = "rei:lock:" + name;
    try {
      long token = redis.commands().incr(key + ":fence");
      String ok = redis.commands().set(key, Long.toString(token), SetArgs.Builder.nx().px(ttl.toMillis()));
      return "OK".equals(ok) ? Optional.of(new RedisLock(name, key, token)) : Optional.empty();
    } catch (RedisException e) {
      LOG.warn("lock {} not granted, Redis unreachable: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  private final class RedisLock implements DistributedLock {
    private final String name;
    private final String key;
    private final long token;

    RedisLock(String name, String key, long token) {
      this.name = name;
      this.key = key;
      this.token = token;
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
      return run(EXTEND, Long.toString(token), Long.toString(ttl.toMillis()));
    }

    @Override
    public boolean release() {
      return run(RELEASE, Long.toString(token));
    }

    private boolean run(String script, String... args) {
      try {
        Long done = redis.commands().eval(script, ScriptOutputType.INTEGER, new String[] {key}, args);
        return done != null && done == 1L;
      } catch (RedisException e) {
        LOG.warn("lock {} could not be changed, Redis unreachable: {}", name, e.getMessage());
        return false;
      }
    }
  }
}
