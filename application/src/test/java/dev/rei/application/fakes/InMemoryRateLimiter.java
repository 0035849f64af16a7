package dev.rei.application.fakes;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.RateFacts;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RateLimiter} in memory, counting as the Redis one does: fixed windows aligned to their
 * length, a running block, and a violation count forgotten once {@code memory} passes with no new one.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final RateLimitPolicy policy;
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, Instant> blockedUntil = new HashMap<>();
  private final Map<String, Integer> violations = new HashMap<>();
  private final Map<String, Instant> violationsForgottenAt = new HashMap<>();

  public InMemoryRateLimiter(RateLimitPolicy policy) {
    this.policy = policy;
  }

  @Override
  public synchronized LimitDecision tryAcquire(UserId user, ActionClass action, Instant now) {
    long window = policy.limitFor(action).window().toMillis();
    long windowStart = Math.floorDiv(now.toEpochMilli(), window) * window;
    String base = action + ":" + user.value();
    int before = counts.merge(base + ":" + windowStart, 1, Integer::sum) - 1;
    Optional<Instant> block = Optional.ofNullable(blockedUntil.get(base)).filter(now::isBefore);
    Instant forget = violationsForgottenAt.get(base);
    int recent = forget != null && now.isBefore(forget) ? violations.getOrDefault(base, 0) : 0;
    LimitDecision decision = policy.decide(action, new RateFacts(before, block, recent), now);
    if (decision.newViolation()) {
      blockedUntil.put(base, decision.retryAt().orElseThrow());
      violations.put(base, recent + 1);
      violationsForgottenAt.put(base, now.plus(policy.escalation().memory()));
    }
    return decision;
  }
}
