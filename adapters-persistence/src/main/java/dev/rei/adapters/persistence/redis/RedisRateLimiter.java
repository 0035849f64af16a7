package dev.rei.adapters.persistence.redis;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.RateFacts;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user action rate limits shared by every process, decided by the domain's
 * {@link RateLimitPolicy}.
 *
 * <p><b>Window.</b> A sliding window: an action is refused when {@code permits} actions were
 * allowed in the {@code window} before it (times {@code > now - window}), so no minute ever holds
 * more than the limit, unlike fixed windows, which let twice the limit through around a boundary.
 * The times of the allowed actions are a sorted set per user and action class, which never holds
 * more than {@code permits} live entries. Refused actions are not counted (the port counts an
 * action "if allowed"), so hammering during a block does not extend the next window.
 *
 * <p><b>Blocks and escalation.</b> A hash per user and action class holds the running block's end,
 * the number of violations, and when they are forgotten: {@code memory} after the last one, so a
 * repeat violator's blocks grow across processes and restarts of Rei until they stay quiet that
 * long.
 *
 * <p><b>Atomicity.</b> Each call reads these facts with one script, lets the policy decide in Java,
 * and writes the outcome with a second script that applies it only if nothing was written in
 * between (a version number in the hash); otherwise it reads and decides again. Every lost race
 * means another call made progress, so retries are few. The domain stays the only place the rule is
 * written. A running block needs no write at all. Bucket4j was not used: its token buckets know
 * neither blocks nor escalation, which would have needed a second store and rule anyway.
 *
 * <p><b>Time.</b> All times are the caller's {@code now}, at millisecond precision; Redis's clock
 * is used only to let idle keys expire, with lifetimes long enough that no fact is lost early.
 *
 * <p><b>Failure.</b> Fails open, as the port says: with Redis unreachable every action is allowed
 * and the outage is logged as a warning.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  // A run of lost races this long means something is badly wrong; the decision is then returned unrecorded.
  private static final int MAX_ATTEMPTS = 64;
  // Keeps the version alive well beyond any read-then-write, so it never restarts under a caller.
  private static final long MIN_STATE_TTL_MILLIS = Duration.ofMinutes(5).toMillis();

  /** KEYS: log, state. ARGV: window start (exclusive). Returns count, version, blocked-until, violations, forget-at. */
  private static final RedisScript READ = RedisScript.of("""
      local count = redis.call('zcount', KEYS[1], '(' .. ARGV[1], '+inf')
      local s = redis.call('hmget', KEYS[2], 'version', 'blocked-until', 'violations', 'forget-at')
      return {count, tonumber(s[1] or '0'), tonumber(s[2] or '0'), tonumber(s[3] or '0'), tonumber(s[4] or '0')}
      """);

  /**
   * KEYS: log, state. ARGV: expected version, 'allow' or 'violate', now, window start (inclusive
   * bound of what to drop), log ttl, blocked-until, violations, forget-at, state ttl. Returns 1 if
   * applied, 0 if the version moved on.
   */
  private static final RedisScript APPLY = RedisScript.of("""
      if tonumber(redis.call('hget', KEYS[2], 'version') or '0') ~= tonumber(ARGV[1]) then return 0 end
      local version = redis.call('hincrby', KEYS[2], 'version', 1)
      if ARGV[2] == 'allow' then
        redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[4])
        redis.call('zadd', KEYS[1], ARGV[3], ARGV[3] .. ':' .. version)
        redis.call('pexpire', KEYS[1], ARGV[5])
      else
        redis.call('hset', KEYS[2], 'blocked-until', ARGV[6], 'violations', ARGV[7], 'forget-at', ARGV[8])
      end
      redis.call('pexpire', KEYS[2], ARGV[9])
      return 1
      """);

  private final RedisConnection redis;
  private final RateLimitPolicy policy;

  public RedisRateLimiter(RedisConnection redis, RateLimitPolicy policy) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public LimitDecision tryAcquire(UserId user, ActionClass action, Instant now) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(now, "now");
    return redis.orElse("rate limits are not applied", () -> decide(user, action, now), LimitDecision::allowed);
  }

  private LimitDecision decide(UserId user, ActionClass action, Instant now) {
    // The user and class are the hash tag: both keys sit in one slot, also on Redis Cluster.
    String base = redis.key("rate", "{" + action.name().toLowerCase(Locale.ROOT) + ":" + user.value() + "}");
    String[] keys = {base + ":log", base + ":state"};
    long windowMillis = policy.limitFor(action).window().toMillis();
    long nowMillis = now.toEpochMilli();
    String windowStart = Long.toString(nowMillis - windowMillis);
    for (int attempt = 1; ; attempt++) {
      List<Long> read = redis.eval(READ, ScriptOutputType.MULTI, keys, windowStart);
      Facts facts = new Facts(read);
      LimitDecision decision = policy.decide(action, facts.rateFacts(now), now);
      if (!decision.isAllowed() && !decision.newViolation()) {
        return decision;
      }
      if (apply(keys, facts, decision, now, windowMillis, windowStart)) {
        return decision;
      }
      if (attempt == MAX_ATTEMPTS) {
        LOG.warn("rate limit of {} for user {} kept changing under {} attempts; decision not recorded",
            action, user, MAX_ATTEMPTS);
        return decision;
      }
    }
  }

  private boolean apply(String[] keys, Facts facts, LimitDecision decision, Instant now, long windowMillis,
      String windowStart) {
    long nowMillis = now.toEpochMilli();
    long blockedUntil = facts.blockedUntilMillis();
    long violations = facts.violations();
    long forgetAt = facts.forgetAtMillis();
    if (decision.newViolation()) {
      blockedUntil = ceilMillis(decision.retryAt().orElseThrow());
      violations = facts.rateFacts(now).recentViolations() + 1L;
      forgetAt = ceilMillis(now.plus(policy.escalation().memory()));
    }
    long stateTtl = Math.max(MIN_STATE_TTL_MILLIS,
        Math.max(windowMillis, Math.max(blockedUntil - nowMillis, forgetAt - nowMillis)));
    Long applied = redis.eval(APPLY, ScriptOutputType.INTEGER, keys,
        Long.toString(facts.version()), decision.isAllowed() ? "allow" : "violate", Long.toString(nowMillis),
        windowStart, Long.toString(windowMillis), Long.toString(blockedUntil), Long.toString(violations),
        Long.toString(forgetAt), Long.toString(stateTtl));
    return applied != null && applied == 1L;
  }

  // Rounding up never ends a block or a memory early.
  private static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  /** What the read script returned; absent values are 0. */
  private record Facts(long count, long version, long blockedUntilMillis, long violations, long forgetAtMillis) {

    Facts(List<Long> read) {
      this(read.get(0), read.get(1), read.get(2), read.get(3), read.get(4));
    }

    RateFacts rateFacts(Instant now) {
      Optional<Instant> blockedUntil =
          blockedUntilMillis > 0 ? Optional.of(Instant.ofEpochMilli(blockedUntilMillis)) : Optional.empty();
      int recent = now.isBefore(Instant.ofEpochMilli(forgetAtMillis)) ? clamp(violations) : 0;
      return new RateFacts(clamp(count), blockedUntil, recent);
    }

    private static int clamp(long value) {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, value));
    }
  }
}
