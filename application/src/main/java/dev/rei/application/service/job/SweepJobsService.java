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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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

  /**
   * Each job and each hold is changed in a transaction of its own: one that cannot be changed (a
   * bug, a constraint) is reported and skipped, and never holds back or rolls back the others.
   */
  @Override
  public SweepReport sweep() {
    List<String> failures = new ArrayList<>();
    int expired = inBatches(() -> jobs.lockPastDeadline(clock.now(), BATCH), Job::id,
        id -> unitOfWork.inTransaction(() -> jobs.lock(id)
            .filter(job -> job.isPastDeadlineAt(clock.now()))
            .map(job -> outcomes.apply(job.expire(clock.now())))
            .isPresent()), failures);
    int rescued = inBatches(() -> jobs.lockWithExpiredLease(clock.now(), BATCH), Job::id,
        id -> unitOfWork.inTransaction(() -> jobs.lock(id)
            .filter(job -> !job.state().isTerminal() && job.lease().map(l -> l.isExpiredAt(clock.now())).orElse(false))
            .map(job -> outcomes.apply(job.leaseExpired(clock.now(), retryPolicy, random)))
            .isPresent()), failures);
    int released = inBatches(() -> ledger.expiredHolds(clock.now(), BATCH), Hold::id,
        id -> unitOfWork.inTransaction(() -> releaseExpired(id)), failures);
    return new SweepReport(expired, rescued, released, failures);
  }

  /**
   * Reads candidates {@link #BATCH} at a time (the read's own transaction ends at once) and changes
   * each in its own transaction; stops when a batch is short, or changed nothing (all failed or
   * were taken by another sweeper), so a row that always fails cannot keep the sweep going forever.
   */
  private <T, I> int inBatches(Supplier<List<T>> read, Function<T, I> idOf, Predicate<I> change, List<String> failures) {
    int changed = 0;
    while (true) {
      List<I> ids = unitOfWork.inTransaction(() -> read.get().stream().map(idOf).toList());
      int changedNow = 0;
      for (I id : ids) {
        try {
          if (change.test(id)) {
            changedNow++;
          }
        } catch (RuntimeException e) {
          if (failures.size() < SweepReport.MAX_FAILURES) {
            failures.add(id + ": " + e);
          }
        }
      }
      changed += changedNow;
      if (ids.size() < BATCH || changedNow == 0) {
        return changed;
      }
    }
  }

  /** Releases one expired hold; false when it was resolved meanwhile (by its job or another sweeper). */
  private boolean releaseExpired(TransferId hold) {
    TransferResult result = ledger.apply(new TransferRequest.Release(IdempotencyKey.of("hold", hold, "expired"),
        hold, ReleaseReason.EXPIRED), TransferId.of(ids.newId()), clock.now());
    if (result instanceof TransferResult.Refused refused) {
      boolean resolvedMeanwhile = refused.reason() == TransferRefusal.HOLD_ALREADY_RELEASED
          || refused.reason() == TransferRefusal.HOLD_ALREADY_CAPTURED;
      if (!resolvedMeanwhile) {
        throw new IllegalStateException("release of expired hold " + hold + " refused: " + refused.reason());
      }
      return false;
    }
    return true;
  }
}
