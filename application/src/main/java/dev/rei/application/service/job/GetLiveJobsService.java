package dev.rei.application.service.job;

import dev.rei.application.port.in.job.GetLiveJobsUseCase;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.Job;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** Reads the user's unfinished jobs. */
public final class GetLiveJobsService implements GetLiveJobsUseCase {

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;

  public GetLiveJobsService(UnitOfWork unitOfWork, JobStore jobs) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
  }

  @Override
  public List<Job> liveJobs(UserId user) {
    Objects.requireNonNull(user, "user");
    return unitOfWork.inTransaction(() -> jobs.liveOf(user));
  }
}
