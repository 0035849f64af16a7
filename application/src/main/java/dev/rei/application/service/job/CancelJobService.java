package dev.rei.application.service.job;

import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Admins;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import java.util.Optional;

/** Cancels a job for its owner or an admin, releasing its hold in the same transaction. */
public final class CancelJobService implements CancelJobUseCase {

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final JobOutcomes outcomes;
  private final Admins admins;
  private final Clock clock;
  private final AuditLog audit;

  public CancelJobService(UnitOfWork unitOfWork, JobStore jobs, JobOutcomes outcomes, Admins admins, Clock clock,
      AuditLog audit) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.outcomes = outcomes;
    this.admins = admins;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public CancelResult cancel(CancelJobCommand command) {
    return unitOfWork.inTransaction(() -> {
      Optional<Job> found = jobs.lock(command.job());
      if (found.isEmpty()) {
        return new CancelResult.Refused(CancelResult.Reason.UNKNOWN_JOB);
      }
      Job job = found.get();
      boolean allowed = command.by() == CancelledBy.ADMIN
          ? admins.isAdmin(command.requester())
          : job.userId().equals(command.requester());
      if (!allowed) {
        return new CancelResult.Refused(CancelResult.Reason.NOT_YOURS);
      }
      if (!job.state().isCancellable()) {
        return new CancelResult.Refused(CancelResult.Reason.NOT_CANCELLABLE);
      }
      Job cancelled = outcomes.apply(job.cancel(command.by(), clock.now()));
      if (command.by() == CancelledBy.ADMIN) {
        audit.record(new AuditLog.Entry(command.requester(), "cancel_job", job.userId(),
            "job " + job.id() + " (" + job.state() + "), " + job.price() + " credits released", "cancelled by an admin",
            clock.now()));
      }
      return new CancelResult.Cancelled(cancelled);
    });
  }
}
