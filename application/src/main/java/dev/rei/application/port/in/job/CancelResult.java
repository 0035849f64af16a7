package dev.rei.application.port.in.job;

import dev.rei.domain.job.Job;
import java.util.Objects;

/** The cancelled job, or why it was not cancelled. */
public sealed interface CancelResult {

  record Cancelled(Job job) implements CancelResult {
    public Cancelled {
      Objects.requireNonNull(job, "job");
    }
  }

  record Refused(Reason reason) implements CancelResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a cancellation was refused. */
  enum Reason {
    UNKNOWN_JOB,
    /** A user may cancel only their own jobs; an admin must be one. */
    NOT_YOURS,
    /** The result is already there, or the job ended. */
    NOT_CANCELLABLE
  }
}
