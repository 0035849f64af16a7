package dev.rei.domain.job;

/** The states of DESIGN §2.2. */
public enum JobState {
  /** Waiting for a worker, first or after a retry; due at {@code nextAttemptAt}. */
  QUEUED,
  /** A worker holds the lease and is calling the provider. */
  RUNNING,
  /** The provider has the task; any worker polls it at {@code nextPollAt}. No thread waits. */
  AWAITING_PROVIDER,
  /** The result exists and the hold is captured; a worker is handing it to the user. */
  DELIVERING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  EXPIRED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
  }

  /** Whether the user or an admin may still cancel, and the deadline may still expire the job. */
  public boolean isCancellable() {
    return this == QUEUED || this == RUNNING || this == AWAITING_PROVIDER;
  }
}
