package dev.rei.application.port.in.admin;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** An operator looks at one job of any user: its state, attempts, provider and last error. */
public interface GetJobUseCase {

  Result job(UserId admin, JobId job);

  /** The job, or why it is not shown. */
  sealed interface Result {
    record Found(Job job) implements Result {
      public Found {
        Objects.requireNonNull(job, "job");
      }
    }

    record Refused(AdminRefusal reason) implements Result {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
