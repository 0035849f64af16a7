package dev.rei.domain.job;

import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link RetryPolicy#decide}. */
public sealed interface RetryDecision {

  /** Try again at {@code at}. */
  record Retry(Instant at) implements RetryDecision {
    public Retry {
      Objects.requireNonNull(at, "at");
    }
  }

  /** Fail the job for good. */
  record GiveUp(Reason reason) implements RetryDecision {
    public GiveUp {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a failure is final. */
  enum Reason {
    NOT_RETRYABLE,
    ATTEMPTS_EXHAUSTED,
    /** The next attempt would start after the job's deadline. */
    PAST_DEADLINE
  }
}
