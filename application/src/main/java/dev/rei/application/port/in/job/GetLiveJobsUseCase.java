package dev.rei.application.port.in.job;

import dev.rei.domain.job.Job;
import dev.rei.domain.user.UserId;
import java.util.List;

/** The user's jobs that have not ended yet, oldest first: what /cancel offers to cancel. */
public interface GetLiveJobsUseCase {

  List<Job> liveJobs(UserId user);
}
