package dev.rei.application.port.in.admin;

import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} retries {@code job}: now, if it waits; as a new free order, if it failed or expired. */
public record RetryJobCommand(UserId admin, JobId job) {

  public RetryJobCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(job, "job");
  }
}
