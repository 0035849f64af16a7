package dev.rei.domain.job;

/** Who cancelled a job. */
public enum CancelledBy {
  USER,
  ADMIN
}
