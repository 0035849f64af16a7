package dev.rei.domain.limits;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A limit's answer. A refusal may say when the user can come back ({@code retryAt}) and whether it
 * counts as a new violation, which the caller records so the next block grows.
 */
public record LimitDecision(Optional<LimitRefusal> refusal, Optional<Instant> retryAt, boolean newViolation) {

  private static final LimitDecision ALLOWED = new LimitDecision(Optional.empty(), Optional.empty(), false);

  public LimitDecision {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(retryAt, "retryAt");
    if (refusal.isEmpty() && (retryAt.isPresent() || newViolation)) {
      throw new IllegalArgumentException("an allowed action has no retry time and is no violation");
    }
  }

  public static LimitDecision allowed() {
    return ALLOWED;
  }

  public static LimitDecision refused(LimitRefusal reason) {
    return new LimitDecision(Optional.of(reason), Optional.empty(), false);
  }

  static LimitDecision blocked(LimitRefusal reason, Instant until, boolean newViolation) {
    return new LimitDecision(Optional.of(reason), Optional.of(until), newViolation);
  }

  public boolean isAllowed() {
    return refusal.isEmpty();
  }
}
