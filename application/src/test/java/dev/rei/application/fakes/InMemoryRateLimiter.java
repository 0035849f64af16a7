package dev.rei.application.fakes;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.RateFacts;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RateLimiter} in memory, counting as the Redis one does: a sliding window of the allowed
 * actions (refused ones are not counted), a running block, and a violation count forgotten once
 * {@code memory} passes with no new one.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final RateLimitPolicy policy;
  private final Map<String, List<Instant>> allowed = new HashMap<>();
  private final Map<String, Instant> blockedUntil = new HashMap<>();
  private final Map<String, Integer> violations = new HashMap<>();
  private final Map<String, Instant> violationsForgottenAt = new HashMap<>();

  public InMemoryRateLimiter(RateLimitPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public synchronized LimitDecision tryAcquire(UserId user, ActionClass action, Instant now) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(now, "now");
    String base = action + ":" + user.value();
    Instant windowStart = now.minus(policy.limitFor(action).window());
    List<Instant> times = allowed.computeIfAbsent(base, k -> new ArrayList<>());
    int inWindow = (int) times.stream().filter(t -> t.isAfter(windowStart)).count();
    Optional<Instant> block = Optional.ofNullable(blockedUntil.get(base));
    Instant forget = violationsForgottenAt.get(base);
    int recent = forget != null && now.isBefore(forget) ? violations.getOrDefault(base, 0) : 0;
    LimitDecision decision = policy.decide(action, new RateFacts(inWindow, block, recent), now);
    if (decision.isAllowed()) {
      times.removeIf(t -> !t.isAfter(windowStart));
      times.add(now);
    } else if (decision.newViolation()) {
      blockedUntil.put(base, decision.retryAt().orElseThrow());
      violations.put(base, recent + 1);
      violationsForgottenAt.put(base, now.plus(policy.escalation().memory()));
    }
    return decision;
  }
}
