package dev.rei.application.port.in.job;

import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code requester} cancels {@code job} as its owner ({@code USER}) or as an admin. */
public record CancelJobCommand(JobId job, UserId requester, CancelledBy by) {

  public CancelJobCommand {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(by, "by");
  }
}
