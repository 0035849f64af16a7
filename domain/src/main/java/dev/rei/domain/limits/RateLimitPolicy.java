package dev.rei.domain.limits;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-action rate limits with escalating blocks. By default (seed 004): 10 messages, 20 button
 * presses and 2 payments a minute; each time a user goes over, they are blocked for the next step
 * of the {@link EscalationPolicy}.
 */
public record RateLimitPolicy(Map<ActionClass, RateLimit> limits, EscalationPolicy escalation) {

  public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(
      Map.of(ActionClass.MESSAGE, RateLimit.perMinute(10),
          ActionClass.BUTTON_PRESS, RateLimit.perMinute(20),
          ActionClass.PAYMENT, RateLimit.perMinute(2)),
      EscalationPolicy.DEFAULT);

  public RateLimitPolicy {
    Objects.requireNonNull(escalation, "escalation");
    for (ActionClass action : ActionClass.values()) {
      if (limits.get(action) == null) {
        throw new IllegalArgumentException("no rate limit for " + action);
      }
    }
    limits = Map.copyOf(new EnumMap<>(limits));
  }

  public RateLimit limitFor(ActionClass action) {
    return limits.get(action);
  }

  /**
   * Whether one more {@code action} is allowed now: refused while a block runs; refused with a
   * new, longer block when the window is full; allowed otherwise.
   */
  public LimitDecision decide(ActionClass action, RateFacts facts, Instant now) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(now, "now");
    if (facts.blockedUntil().isPresent() && now.isBefore(facts.blockedUntil().get())) {
      return LimitDecision.blocked(LimitRefusal.BLOCKED, facts.blockedUntil().get(), false);
    }
    if (facts.actionsInWindow() >= limitFor(action).permits()) {
      // Past the last step the count no longer matters, so it cannot overflow.
      int violation = Math.min(facts.recentViolations(), escalation.steps().size()) + 1;
      Instant until = now.plus(escalation.blockFor(violation));
      return LimitDecision.blocked(LimitRefusal.RATE_LIMITED, until, true);
    }
    return LimitDecision.allowed();
  }
}
