package dev.rei.domain.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on a job until {@code expiresAt}. The fence grows with every claim, so a worker
 * whose lease was taken over holds a stale fence and can no longer move the job.
 */
public record Lease(WorkerId worker, long fence, Instant expiresAt) {

  public Lease {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (fence <= 0) {
      throw new IllegalArgumentException("fence must be positive, was " + fence);
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
