package dev.rei.application.port.in.job;

import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import java.util.Objects;

/** What one {@link RunNextJobUseCase#runNext} call did. */
public sealed interface WorkResult {

  /** No job was due. */
  record Idle() implements WorkResult {}

  /** The job moved from {@code from} (as claimed) to {@code to}; a discarded stale outcome leaves it as others left it. */
  record Worked(JobId job, JobState from, JobState to) implements WorkResult {
    public Worked {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
