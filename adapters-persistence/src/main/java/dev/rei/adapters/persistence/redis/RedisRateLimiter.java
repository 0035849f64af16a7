package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.RateFacts;
import dev.rei.domain.limits.RateLimit;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user rate limits shared by every process. One script counts the action in its fixed window
 * (aligned to the window length) and reads the running block and the violations remembered; the
 * domain's {@link RateLimitPolicy} decides; a violation then records the block and bumps the count
 * that makes the next block longer. Fails open: a flood guard must not lock everyone out when
 * Redis is away.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  private static final String COUNT_AND_READ = """
      local n = redis.call('incr', KEYS[1])
      if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
      return {n, tonumber(redis.call('get', KEYS[2]) or '0'), tonumber(redis.call('get', KEYS[3]) or '0')}
      """;
  private static final String RECORD_VIOLATION = """
      redis.call('set', KEYS[1], ARGV[1], 'px', ARGV[3])
      redis.call('incr', KEYS[2])
      redis.call('pexpire', KEYS[2], ARGV[2])
      return 1
      """;

  private final RedisConnection redis;
  private final RateLimitPolicy policy;

  public RedisRateLimiter(RedisConnection redis, RateLimitPolicy policy) {
    this.redis = redis;
    this.policy = policy;
  }

  @Override
  public LimitDecision tryAcquire(UserId user, ActionClass action, Instant now) {
    RateLimit limit = policy.limitFor(action);
    long windowMillis = limit.window().toMillis();
    long windowStart = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    String base = "rei:rate:" + action.name().toLowerCase(Locale.ROOT) + ":" + user.value();
    String block = base + ":blocked-until";
    String violations = base + ":violations";
    try {
      List<Long> facts = redis.commands().eval(COUNT_AND_READ, ScriptOutputType.MULTI,
          // Expiry relative to the caller's clock, so Redis's own clock never has to agree with it.
          new String[] {base + ":" + windowStart, block, violations},
          Long.toString(Math.max(1, windowStart + windowMillis - now.toEpochMilli())));
      long blockedUntil = facts.get(1);
      RateFacts read = new RateFacts((int) Math.min(Integer.MAX_VALUE, facts.get(0) - 1),
          blockedUntil > 0 ? Optional.of(Instant.ofEpochMilli(blockedUntil)) : Optional.empty(),
          (int) Math.min(Integer.MAX_VALUE, facts.get(2)));
      LimitDecision decision = policy.decide(action, read, now);
      if (decision.newViolation()) {
        Instant until = decision.retryAt().orElseThrow();
        redis.commands().eval(RECORD_VIOLATION, ScriptOutputType.INTEGER, new String[] {block, violations},
            Long.toString(until.toEpochMilli()), Long.toString(policy.escalation().memory().toMillis()),
            Long.toString(Math.max(1, until.toEpochMilli() - now.toEpochMilli())));
      }
      return decision;
    } catch (RedisException e) {
      LOG.warn("rate limit of {} for {} unchecked, Redis unreachable: {}", action, user, e.getMessage());
      return LimitDecision.allowed();
    }
  }
}
