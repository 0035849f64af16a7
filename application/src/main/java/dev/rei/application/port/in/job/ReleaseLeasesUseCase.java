package dev.rei.application.port.in.job;

import dev.rei.domain.job.WorkerId;

/**
 * A worker that is shutting down gives back the jobs it still holds, so other workers take them at
 * once instead of after their leases run out; an attempt it was in the middle of counts as a
 * temporary failure and is retried.
 */
public interface ReleaseLeasesUseCase {

  /** Returns how many jobs were given back. */
  int release(WorkerId worker);
}
