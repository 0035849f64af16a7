package dev.rei.application.service.job;

import dev.rei.application.port.in.job.SweepJobsUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRefusal;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The janitor: expires jobs past their deadline, hands jobs of vanished workers to others, and
 * releases holds that expired (a last resort: a job's hold outlives its deadline, so its job has
 * normally released it first). Works in batches of short transactions.
 */
public final class SweepJobsService implements SweepJobsUseCase {

  private static final int BATCH = 100;

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final LedgerStore ledger;
  private final JobOutcomes outcomes;
  private final Clock clock;
  private final IdGenerator ids;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;

  public SweepJobsService(UnitOfWork unitOfWork, JobStore jobs, LedgerStore ledger, JobOutcomes outcomes,
      Clock clock, IdGenerator ids, RetryPolicy retryPolicy, RandomGenerator random) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.clock = clock;
    this.ids = ids;
    this.retryPolicy = retryPolicy;
    this.random = random;
  }

  @Override
  public SweepReport sweep() {
    int expired = 0;
    int rescued = 0;
    int released = 0;
    int batch;
    do {
      batch = unitOfWork.inTransaction(() -> {
        List<Job> late = jobs.lockPastDeadline(clock.now(), BATCH);
        late.forEach(job -> outcomes.apply(job.expire(clock.now())));
        return late.size();
      });
      expired += batch;
    } while (batch == BATCH);
    do {
      batch = unitOfWork.inTransaction(() -> {
        List<Job> orphans = jobs.lockWithExpiredLease(clock.now(), BATCH);
        orphans.forEach(job -> outcomes.apply(job.leaseExpired(clock.now(), retryPolicy, random)));
        return orphans.size();
      });
      rescued += batch;
    } while (batch == BATCH);
    Batch holds;
    do {
      holds = unitOfWork.inTransaction(this::releaseExpiredHolds);
      released += holds.done();
    } while (holds.read() == BATCH);
    return new SweepReport(expired, rescued, released);
  }

  /** How many rows one batch read, and how many of them it changed. */
  private record Batch(int read, int done) {}

  private Batch releaseExpiredHolds() {
    List<Hold> holds = ledger.expiredHolds(clock.now(), BATCH);
    int releasedNow = 0;
    for (Hold hold : holds) {
      TransferResult result = ledger.apply(new TransferRequest.Release(IdempotencyKey.of("hold", hold.id(), "expired"),
          hold.id(), ReleaseReason.EXPIRED), TransferId.of(ids.newId()), clock.now());
      if (result instanceof TransferResult.Refused refused) {
        // Another sweeper or the hold's own job may have resolved it since we read it: nothing is left to do.
        boolean resolvedMeanwhile = refused.reason() == TransferRefusal.HOLD_ALREADY_RELEASED
            || refused.reason() == TransferRefusal.HOLD_ALREADY_CAPTURED;
        if (!resolvedMeanwhile) {
          throw new IllegalStateException("release of expired hold " + hold.id() + " refused: " + refused.reason());
        }
      } else {
        releasedNow++;
      }
    }
    return new Batch(holds.size(), releasedNow);
  }
}
