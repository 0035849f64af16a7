package dev.rei.application.port.in.job;

import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What one {@link RunNextJobUseCase#runNext} call did. */
public sealed interface WorkResult {

  /** No job was due; the next waiting job falls due at {@code nextDueAt} (empty: none waits). */
  record Idle(Optional<Instant> nextDueAt) implements WorkResult {
    public Idle {
      Objects.requireNonNull(nextDueAt, "nextDueAt");
    }
  }

  /** The job moved from {@code from} (as claimed) to {@code to}; a discarded stale outcome leaves it as others left it. */
  record Worked(JobId job, JobState from, JobState to) implements WorkResult {
    public Worked {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
