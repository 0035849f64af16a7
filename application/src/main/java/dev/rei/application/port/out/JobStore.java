package dev.rei.application.port.out;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable jobs, and the queue workers claim them from. */
public interface JobStore {

  void insert(Job job);

  Optional<Job> find(JobId id);

  /** The job, locked until the transaction ends. */
  Optional<Job> lock(JobId id);

  /** Stores the job's new state; the caller holds its lock. */
  void update(Job job);

  /**
   * Locks and returns one job that is due at {@code now} ({@link Job#isDueAt}), skipping jobs other
   * transactions have locked, oldest due first; empty when none is.
   */
  Optional<Job> lockNextDue(Instant now);

  /**
   * When the next waiting job falls due: the earliest retry time of a queued job, poll time of one
   * awaiting its provider, or lease expiry of one being delivered (leases of polled jobs are not
   * considered, so it may be in the past); empty when no job waits. Lets an idle worker sleep
   * exactly until there is work.
   */
  Optional<Instant> nextDueAt();

  /** Locks queued, running or awaiting jobs whose deadline has passed at {@code now}, at most {@code limit}. */
  List<Job> lockPastDeadline(Instant now, int limit);

  /** Locks jobs whose lease expired at {@code now}, at most {@code limit}. */
  List<Job> lockWithExpiredLease(Instant now, int limit);

  /** The live jobs {@code worker} holds a lease on (read without locks). */
  List<JobId> leasedBy(WorkerId worker);

  List<Job> ofOrder(OrderId order);

  /** The user's jobs that are not terminal, oldest first. */
  List<Job> liveOf(UserId user);

  /** How many of the user's orders still have a job that is not terminal. */
  int activeOrders(UserId user);

  /** The price of the user's jobs created since {@code since} that did not end failed, cancelled or expired. */
  Credits spentSince(UserId user, Instant since);

  /** Jobs created since {@code since}, counted by kind and current state. */
  Map<JobKind, Map<JobState, Long>> countCreatedSince(Instant since);

  /** Jobs in each state now. */
  Map<JobState, Long> countByState();
  /**
   * Jobs that reached a final state (succeeded, failed, cancelled, expired) at or after {@code
   * since}, by kind and final state: the failure-rate alert reads it. A final job is never changed
   * again, so its last update is when it finished.
   */
  Map<JobKind, Map<JobState, Long>> countFinishedSince(Instant since);

  /** The queued jobs due at {@code now} (retry time reached, deadline not passed): the queue backlog. */
  Backlog queuedDue(Instant now);

  /**
   * Jobs that reached a final state at or after {@code from} and before {@code to}, oldest first,
   * at most {@code limit}: what the job-duration metric records.
   */
  List<FinishedJob> finishedBetween(Instant from, Instant to, int limit);

  /** How many queued jobs are due, and since when the one due first has waited (empty when none is). */
  record Backlog(long jobs, Optional<Instant> oldestDueSince) {
    public Backlog {
      java.util.Objects.requireNonNull(oldestDueSince, "oldestDueSince");
      if (jobs < 0 || (jobs == 0) != oldestDueSince.isEmpty()) {
        throw new IllegalArgumentException("a backlog of " + jobs + " job(s) with oldest " + oldestDueSince);
      }
    }
  }

  /** A job in its final state: what it was, how it ended, when it was created and when it finished. */
  record FinishedJob(JobId id, JobKind kind, JobState state, Instant createdAt, Instant finishedAt) {
    public FinishedJob {
      java.util.Objects.requireNonNull(id, "id");
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(createdAt, "createdAt");
      java.util.Objects.requireNonNull(finishedAt, "finishedAt");
      if (state == null || !state.isTerminal()) {
        throw new IllegalArgumentException("a finished job is in a final state, was " + state);
      }
    }

    /** From creation to the final state; never negative, even if two processes' clocks disagree. */
    public java.time.Duration duration() {
      java.time.Duration duration = java.time.Duration.between(createdAt, finishedAt);
      return duration.isNegative() ? java.time.Duration.ZERO : duration;
    }
  }

  /**
   * One page of the user's jobs created since {@code since}: newest first (equal times by id,
   * descending), skipping {@code offset}, at most {@code limit}. Read without locks.
   */
  List<Job> ofUserSince(UserId user, Instant since, int offset, int limit);

  /** Jobs created since {@code since}, counted per UTC day of creation; days without jobs are absent. */
  Map<java.time.LocalDate, Long> countCreatedPerDay(Instant since);
}
