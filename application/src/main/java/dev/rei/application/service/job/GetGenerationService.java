package dev.rei.application.service.job;

import dev.rei.application.port.in.job.GetGenerationUseCase;
import dev.rei.application.port.out.JobStore;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** Reads one job for its owner only. */
public final class GetGenerationService implements GetGenerationUseCase {

  private final JobStore jobs;

  public GetGenerationService(JobStore jobs) {
    this.jobs = jobs;
  }

  @Override
  public Optional<Job> generation(UserId owner, JobId id) {
    return jobs.find(id).filter(job -> job.userId().equals(owner));
  }
}
