package dev.rei.domain.job;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One generation a user paid for: an item of an order, with its own hold, moving through the
 * states of DESIGN §2.2. Immutable: each transition returns a {@link JobChange} holding the new
 * job; an illegal move throws {@link IllegalJobTransitionException}.
 *
 * <p>The canonical constructor restores a stored job and checks that its fields agree with its
 * state; new jobs start with {@link #queue}.
 *
 * @param fence the fence of the latest claim; any change that takes a job away from its worker
 *     raises it, so the worker's {@link Lease} goes stale
 * @param retryNoticeSent whether the user was already told "retrying automatically"
 */
public record Job(
    JobId id,
    OrderId orderId,
    UserId userId,
    JobKind kind,
    JobParameters parameters,
    Credits price,
    TransferId holdId,
    JobState state,
    int attempts,
    long fence,
    Optional<Instant> nextAttemptAt,
    Optional<Lease> lease,
    Optional<ProviderTask> providerTask,
    Optional<Instant> nextPollAt,
    Progress progress,
    Optional<ResultRef> result,
    Optional<Failure> lastFailure,
    boolean retryNoticeSent,
    Optional<CancelledBy> cancelledBy,
    Instant deadline,
    Instant createdAt,
    Instant updatedAt) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(holdId, "holdId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(providerTask, "providerTask");
    Objects.requireNonNull(nextPollAt, "nextPollAt");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(lastFailure, "lastFailure");
    Objects.requireNonNull(cancelledBy, "cancelledBy");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (!price.isPositive()) {
      throw new IllegalArgumentException("a job costs at least one credit");
    }
    if (attempts < 0 || fence < 0) {
      throw new IllegalArgumentException("attempts and fence cannot be negative");
    }
    if (!deadline.isAfter(createdAt)) {
      throw new IllegalArgumentException("deadline " + deadline + " must be after creation " + createdAt);
    }
    if (lease.isPresent() && lease.get().fence() != fence) {
      throw new IllegalArgumentException("lease fence " + lease.get().fence() + " is not the job's " + fence);
    }
    requireAgreesWithState(state, nextAttemptAt, lease, providerTask, nextPollAt, result, lastFailure, cancelledBy);
  }

  private static void requireAgreesWithState(
      JobState state,
      Optional<Instant> nextAttemptAt,
      Optional<Lease> lease,
      Optional<ProviderTask> providerTask,
      Optional<Instant> nextPollAt,
      Optional<ResultRef> result,
      Optional<Failure> lastFailure,
      Optional<CancelledBy> cancelledBy) {
    require(nextAttemptAt.isPresent() == (state == JobState.QUEUED), state, "has a next attempt time iff queued");
    require(nextPollAt.isPresent() == (state == JobState.AWAITING_PROVIDER), state, "has a next poll time iff awaiting");
    require(providerTask.isPresent() || state != JobState.AWAITING_PROVIDER, state, "awaits a provider task");
    require(lease.isPresent() || state != JobState.RUNNING, state, "runs under a lease");
    require(lease.isEmpty() || !(state.isTerminal() || state == JobState.QUEUED), state, "has no lease");
    require(result.isPresent() == (state == JobState.DELIVERING || state == JobState.SUCCEEDED), state,
        "has a result iff delivering or succeeded");
    require(lastFailure.isPresent() || state != JobState.FAILED, state, "failed with a failure");
    require(cancelledBy.isPresent() == (state == JobState.CANCELLED), state, "names who cancelled iff cancelled");
  }

  private static void require(boolean condition, JobState state, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("a " + state + " job " + rule);
    }
  }

  /** A new job, queued and due at once, whose hold {@code holdId} has been placed. */
  public static Job queue(
      JobId id,
      OrderId orderId,
      UserId userId,
      JobKind kind,
      JobParameters parameters,
      Credits price,
      TransferId holdId,
      Instant deadline,
      Instant now) {
    return new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.QUEUED, 0, 0,
        Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty(), Progress.NONE,
        Optional.empty(), Optional.empty(), false, Optional.empty(), deadline, now, now);
  }

  /** Whether a worker may claim the job now: queued and due, awaiting and due for a poll, or delivering, with no live lease. */
  public boolean isDueAt(Instant now) {
    boolean leaseFree = lease.map(l -> l.isExpiredAt(now)).orElse(true);
    return switch (state) {
      case QUEUED -> !now.isBefore(nextAttemptAt.orElseThrow()) && now.isBefore(deadline);
      case AWAITING_PROVIDER -> leaseFree && !now.isBefore(nextPollAt.orElseThrow()) && now.isBefore(deadline);
      case DELIVERING -> leaseFree;
      default -> false;
    };
  }

  /** Whether {@code lease} is the job's current lease, so its holder may still move the job. */
  public boolean isLeasedBy(Lease candidate) {
    return lease.isPresent() && lease.get().equals(candidate) && !state.isTerminal();
  }

  /**
   * A worker takes the job until {@code now + leaseDuration}: a queued job starts an attempt
   * (RUNNING); an awaiting job is polled; a delivering job is delivered (again).
   */
  public JobChange claim(WorkerId worker, Instant now, Duration leaseDuration) {
    Objects.requireNonNull(worker, "worker");
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("lease duration must be positive");
    }
    if (!isDueAt(now)) {
      throw illegal("claim", "it is not due at " + now);
    }
    Lease next = new Lease(worker, fence + 1, now.plus(leaseDuration));
    if (state == JobState.QUEUED) {
      return JobChange.quiet(new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.RUNNING,
          attempts + 1, next.fence(), Optional.empty(), Optional.of(next), Optional.empty(), Optional.empty(),
          Progress.NONE, result, lastFailure, retryNoticeSent, cancelledBy, deadline, createdAt, now));
    }
    return JobChange.quiet(new Job(id, orderId, userId, kind, parameters, price, holdId, state, attempts,
        next.fence(), nextAttemptAt, Optional.of(next), providerTask, nextPollAt, progress, result, lastFailure,
        retryNoticeSent, cancelledBy, deadline, createdAt, now));
  }

  /** The provider accepted the task and will finish later: wait for it, holding no lease. */
  public JobChange submitted(Lease holder, ProviderTask task, Progress reported, Instant pollAt, Instant now) {
    requireLease(holder, "record a submitted task", JobState.RUNNING);
    Objects.requireNonNull(task, "task");
    return awaiting(task, reported, pollAt, now);
  }

  /** A poll found the task still running: record progress and poll again at {@code pollAt}. */
  public JobChange stillRunning(Lease holder, Progress reported, Instant pollAt, Instant now) {
    requireLease(holder, "record progress", JobState.AWAITING_PROVIDER);
    return awaiting(providerTask.orElseThrow(), reported, pollAt, now);
  }

  private JobChange awaiting(ProviderTask task, Progress reported, Instant pollAt, Instant now) {
    Objects.requireNonNull(reported, "reported");
    if (pollAt.isBefore(now)) {
      throw new IllegalArgumentException("next poll " + pollAt + " is before now " + now);
    }
    // Progress never goes backwards on the user's screen, whatever the provider says.
    Progress shown = reported.compareTo(progress) >= 0 ? reported : progress;
    return JobChange.quiet(new Job(id, orderId, userId, kind, parameters, price, holdId,
        JobState.AWAITING_PROVIDER, attempts, fence, Optional.empty(), Optional.empty(), Optional.of(task),
        Optional.of(pollAt), shown, result, lastFailure, retryNoticeSent, cancelledBy, deadline, createdAt, now));
  }

  /**
   * The provider produced the result: the hold is captured and the worker, keeping its lease,
   * delivers it. A result for a cancelled or expired job never gets here: its lease is stale.
   *
   * <p>A result that arrives at or after the deadline is too late: the job expires and the hold is
   * released instead. So no capture happens past the deadline, and a hold that expires after the
   * deadline (see {@link JobHolds#hold}) can always be captured.
   */
  public JobChange resultReady(Lease holder, ResultRef resultRef, Instant now) {
    requireLease(holder, "accept a result", JobState.RUNNING, JobState.AWAITING_PROVIDER);
    Objects.requireNonNull(resultRef, "resultRef");
    if (!now.isBefore(deadline)) {
      return expire(now);
    }
    Job delivering = new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.DELIVERING, attempts,
        fence, Optional.empty(), lease, providerTask, Optional.empty(), Progress.DONE, Optional.of(resultRef),
        lastFailure, retryNoticeSent, cancelledBy, deadline, createdAt, now);
    return new JobChange(delivering, HoldAction.CAPTURE, Optional.empty(), JobNotice.RESULT_READY);
  }

  /** The result reached the user. */
  public JobChange delivered(Lease holder, Instant now) {
    requireLease(holder, "finish delivery", JobState.DELIVERING);
    return JobChange.quiet(new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.SUCCEEDED,
        attempts, fence, Optional.empty(), Optional.empty(), providerTask, Optional.empty(), progress, result,
        lastFailure, retryNoticeSent, cancelledBy, deadline, createdAt, now));
  }

  /**
   * An attempt failed, in the call or in a poll: the retry policy decides between another
   * attempt and failing for good (releasing the hold); the failure class decides what happens to
   * the key. {@code usedKey} is the key of the call; for a poll it defaults to the task's key.
   */
  public JobChange attemptFailed(
      Lease holder, Failure failure, Optional<KeyId> usedKey, RetryPolicy policy, Instant now, RandomGenerator random) {
    requireLease(holder, "record a failed attempt", JobState.RUNNING, JobState.AWAITING_PROVIDER);
    Objects.requireNonNull(failure, "failure");
    Optional<KeyId> key = usedKey.or(() -> providerTask.map(ProviderTask::key));
    KeyEffect effect = failure.failureClass().keyEffect();
    Optional<KeyReport> report = effect == KeyEffect.NONE
        ? Optional.empty()
        : key.map(k -> new KeyReport(k, effect));
    return afterFailure(failure, report, policy, now, random);
  }

  /**
   * The sweeper found the job's lease expired: its worker vanished. An attempt in flight counts
   * as a temporary failure; a poll or a delivery is simply offered to another worker.
   */
  public JobChange leaseExpired(Instant now, RetryPolicy policy, RandomGenerator random) {
    if (lease.isEmpty() || !lease.get().isExpiredAt(now)) {
      throw illegal("rescue", "it holds no expired lease at " + now);
    }
    return withoutWorker("the worker stopped before finishing the attempt", now, policy, random);
  }

  /**
   * The worker holding {@code holder} gives the job up before its lease ends (it is shutting
   * down): the same as a lapsed lease, at once, so no one waits for the lease to run out. A result
   * the worker reports afterwards is stale and refused.
   */
  public JobChange released(Lease holder, Instant now, RetryPolicy policy, RandomGenerator random) {
    Objects.requireNonNull(holder, "holder");
    if (!isLeasedBy(holder)) {
      throw illegal("release", "it is not leased by " + holder.worker());
    }
    return withoutWorker("the worker was stopped before finishing the attempt", now, policy, random);
  }

  private JobChange withoutWorker(String why, Instant now, RetryPolicy policy, RandomGenerator random) {
    if (state == JobState.RUNNING) {
      return afterFailure(Failure.of(FailureClass.TEMPORARY, why), Optional.empty(), policy, now, random);
    }
    Optional<Instant> pollAt = state == JobState.AWAITING_PROVIDER ? Optional.of(now) : Optional.empty();
    return JobChange.quiet(new Job(id, orderId, userId, kind, parameters, price, holdId, state, attempts,
        fence + 1, nextAttemptAt, Optional.empty(), providerTask, pollAt, progress, result, lastFailure,
        retryNoticeSent, cancelledBy, deadline, createdAt, now));
  }

  private JobChange afterFailure(
      Failure failure, Optional<KeyReport> report, RetryPolicy policy, Instant now, RandomGenerator random) {
    RetryDecision decision = policy.decide(failure.failureClass(), attempts, now, deadline, random);
    if (decision instanceof RetryDecision.Retry retry) {
      boolean tellUser = failure.failureClass() == FailureClass.TEMPORARY && !retryNoticeSent;
      Job queued = new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.QUEUED, attempts,
          fence + 1, Optional.of(retry.at()), Optional.empty(), Optional.empty(), Optional.empty(), Progress.NONE,
          result, Optional.of(failure), retryNoticeSent || tellUser, cancelledBy, deadline, createdAt, now);
      return new JobChange(queued, HoldAction.NONE, report, tellUser ? JobNotice.RETRYING : JobNotice.NONE);
    }
    Job failed = new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.FAILED, attempts,
        fence + 1, Optional.empty(), Optional.empty(), providerTask, Optional.empty(), progress, result,
        Optional.of(failure), retryNoticeSent, cancelledBy, deadline, createdAt, now);
    return new JobChange(failed, HoldAction.RELEASE_FAILED, report, JobNotice.FAILED);
  }

  /**
   * The user or an admin cancels: allowed while queued, running or awaiting the provider. The hold
   * is released, and a result that arrives later is discarded, never charged.
   */
  public JobChange cancel(CancelledBy by, Instant now) {
    Objects.requireNonNull(by, "by");
    if (!state.isCancellable()) {
      throw illegal("cancel", "only queued, running or awaiting jobs can be cancelled");
    }
    Job cancelled = new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.CANCELLED, attempts,
        fence + 1, Optional.empty(), Optional.empty(), providerTask, Optional.empty(), progress, result,
        lastFailure, retryNoticeSent, Optional.of(by), deadline, createdAt, now);
    return new JobChange(cancelled, HoldAction.RELEASE_CANCELLED, Optional.empty(), JobNotice.CANCELLED);
  }

  /** The deadline passed before a result: the job expires and the hold is released. */
  public JobChange expire(Instant now) {
    if (!state.isCancellable()) {
      throw illegal("expire", "only queued, running or awaiting jobs can expire");
    }
    if (now.isBefore(deadline)) {
      throw illegal("expire", "its deadline " + deadline + " has not passed at " + now);
    }
    Job expired = new Job(id, orderId, userId, kind, parameters, price, holdId, JobState.EXPIRED, attempts,
        fence + 1, Optional.empty(), Optional.empty(), providerTask, Optional.empty(), progress, result,
        lastFailure, retryNoticeSent, cancelledBy, deadline, createdAt, now);
    return new JobChange(expired, HoldAction.RELEASE_EXPIRED, Optional.empty(), JobNotice.EXPIRED);
  }

  /**
   * An admin's "retry now": a queued job waiting for its next attempt, or an awaiting job waiting
   * for its next poll, falls due at {@code now}. A job that is due already comes back unchanged, so
   * asking twice changes it once.
   */
  public Job dueNow(Instant now) {
    Objects.requireNonNull(now, "now");
    if (state != JobState.QUEUED && state != JobState.AWAITING_PROVIDER) {
      throw illegal("make due", "only queued or awaiting jobs wait for a retry or a poll");
    }
    Optional<Instant> waitsUntil = state == JobState.QUEUED ? nextAttemptAt : nextPollAt;
    if (!waitsUntil.orElseThrow().isAfter(now)) {
      return this;
    }
    Optional<Instant> due = Optional.of(now);
    return new Job(id, orderId, userId, kind, parameters, price, holdId, state, attempts, fence,
        state == JobState.QUEUED ? due : nextAttemptAt, lease, providerTask,
        state == JobState.AWAITING_PROVIDER ? due : nextPollAt, progress, result, lastFailure, retryNoticeSent,
        cancelledBy, deadline, createdAt, now);
  }

  /** Whether the job's deadline has passed while it could still expire. */
  public boolean isPastDeadlineAt(Instant now) {
    return state.isCancellable() && !now.isBefore(deadline);
  }

  private void requireLease(Lease holder, String action, JobState... allowed) {
    Objects.requireNonNull(holder, "holder");
    if (!isLeasedBy(holder)) {
      throw illegal(action, "lease " + holder.fence() + " of " + holder.worker() + " is stale (current fence "
          + fence + ")");
    }
    for (JobState candidate : allowed) {
      if (state == candidate) {
        return;
      }
    }
    throw illegal(action, "not allowed in this state");
  }

  private IllegalJobTransitionException illegal(String action, String why) {
    return new IllegalJobTransitionException("job " + id + " in state " + state + ": cannot " + action + ": " + why);
  }
}
