package dev.rei.application.port.out;

import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.user.UserId;
import java.time.Instant;

/**
 * Per-user action rate limits with escalating blocks ({@link dev.rei.domain.limits.RateLimitPolicy}),
 * counted across processes. Fails open when its store is unreachable: a flood guard must not
 * lock every user out.
 */
public interface RateLimiter {

  /** Counts one {@code action} of {@code user} at {@code now} if allowed; records a violation if not. */
  LimitDecision tryAcquire(UserId user, ActionClass action, Instant now);
}
