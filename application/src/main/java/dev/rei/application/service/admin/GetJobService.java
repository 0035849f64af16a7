package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.service.Admins;
import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;

/** Shows any job to an admin, and none to anyone else. */
public final class GetJobService implements GetJobUseCase {

  private final JobStore jobs;
  private final Admins admins;

  public GetJobService(JobStore jobs, Admins admins) {
    this.jobs = jobs;
    this.admins = admins;
  }

  @Override
  public Result job(UserId admin, JobId job) {
    if (!admins.isAdmin(admin)) {
      return new Result.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    return jobs.find(job).<Result>map(Result.Found::new).orElse(new Result.Refused(AdminRefusal.UNKNOWN_JOB));
  }
}
