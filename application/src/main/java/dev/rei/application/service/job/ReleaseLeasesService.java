package dev.rei.application.service.job;

import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.job.WorkerId;
import java.util.List;
import java.util.random.RandomGenerator;

/** Gives back a stopping worker's jobs, each in its own transaction, and wakes the other workers. */
public final class ReleaseLeasesService implements ReleaseLeasesUseCase {

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final JobOutcomes outcomes;
  private final WorkSignal workSignal;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;

  public ReleaseLeasesService(UnitOfWork unitOfWork, JobStore jobs, JobOutcomes outcomes, WorkSignal workSignal,
      Clock clock, RetryPolicy retryPolicy, RandomGenerator random) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.outcomes = outcomes;
    this.workSignal = workSignal;
    this.clock = clock;
    this.retryPolicy = retryPolicy;
    this.random = random;
  }

  @Override
  public int release(WorkerId worker) {
    List<JobId> held = unitOfWork.inTransaction(() -> jobs.leasedBy(worker));
    int released = 0;
    for (JobId id : held) {
      // Locked and checked again: the lease may have been taken over or the job finished since the read.
      boolean done = unitOfWork.inTransaction(() -> jobs.lock(id)
          .filter(job -> !job.state().isTerminal())
          .flatMap(job -> job.lease().filter(lease -> lease.worker().equals(worker))
              .map(lease -> outcomes.apply(job.released(lease, clock.now(), retryPolicy, random))))
          .isPresent());
      if (done) {
        released++;
      }
    }
    if (released > 0) {
      workSignal.signal();
    }
    return released;
  }
}
