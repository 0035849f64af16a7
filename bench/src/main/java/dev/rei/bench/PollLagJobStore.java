package dev.rei.bench;

import dev.rei.application.port.out.JobStore;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The job store the workers claim from, noting for every claim of an AWAITING_PROVIDER job how late
 * it came after the job's {@code next_poll_at}: the claim is where a poll starts, and {@code now}
 * is the instant the worker asked with, so the lag is exactly what the queue delivered.
 */
final class PollLagJobStore implements JobStore {

  private final JobStore store;
  private volatile boolean recording;
  /** Pairs of (System.nanoTime() of the claim, lag in microseconds), appended under the lock. */
  private long[] samples = new long[2 * 65_536];
  private int size;

  PollLagJobStore(JobStore store) {
    this.store = store;
  }

  /** Starts noting polls, forgetting any noted before. */
  synchronized void startRecording() {
    size = 0;
    recording = true;
  }

  /** Stops noting polls and returns what was noted since {@link #startRecording()}. */
  synchronized PollLags stopRecording() {
    recording = false;
    return new PollLags(Arrays.copyOf(samples, size));
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return store.nextDueAt();
  }

  @Override
  public Optional<Job> lockNextDue(Instant now) {
    Optional<Job> claimed = store.lockNextDue(now);
    if (recording && claimed.isPresent() && claimed.get().state() == JobState.AWAITING_PROVIDER) {
      long lagMicros = ChronoUnit.MICROS.between(claimed.get().nextPollAt().orElseThrow(), now);
      note(System.nanoTime(), lagMicros);
    }
    return claimed;
  }

  private synchronized void note(long atNanos, long lagMicros) {
    if (!recording) {
      return;
    }
    if (size + 2 > samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[size++] = atNanos;
    samples[size++] = lagMicros;
  }

  /** The polls of one recording: when each was claimed and how late. */
  record PollLags(long[] pairs) {

    int count() {
      return pairs.length / 2;
    }

    /** The lags of the polls claimed in [fromNanos, toNanos), in microseconds. */
    long[] lagMicros(long fromNanos, long toNanos) {
      return IntStream.range(0, count())
          .filter(i -> pairs[2 * i] >= fromNanos && pairs[2 * i] < toNanos)
          .mapToLong(i -> pairs[2 * i + 1]).toArray();
    }

    long[] lagMicros() {
      return lagMicros(Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  @Override
  public void insert(Job job) {
    store.insert(job);
  }

  @Override
  public Optional<Job> find(JobId id) {
    return store.find(id);
  }

  @Override
  public Optional<Job> lock(JobId id) {
    return store.lock(id);
  }

  @Override
  public void update(Job job) {
    store.update(job);
  }

  @Override
  public List<Job> lockPastDeadline(Instant now, int limit) {
    return store.lockPastDeadline(now, limit);
  }

  @Override
  public List<Job> lockWithExpiredLease(Instant now, int limit) {
    return store.lockWithExpiredLease(now, limit);
  }

  @Override
  public List<JobId> leasedBy(WorkerId worker) {
    return store.leasedBy(worker);
  }

  @Override
  public List<Job> ofOrder(OrderId order) {
    return store.ofOrder(order);
  }

  @Override
  public List<Job> liveOf(UserId user) {
    return store.liveOf(user);
  }

  @Override
  public int activeOrders(UserId user) {
    return store.activeOrders(user);
  }

  @Override
  public Credits spentSince(UserId user, Instant since) {
    return store.spentSince(user, since);
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countCreatedSince(Instant since) {
    return store.countCreatedSince(since);
  }

  @Override
  public Map<JobState, Long> countByState() {
    return store.countByState();
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countFinishedSince(Instant since) {
    return store.countFinishedSince(since);
  }

  @Override
  public Backlog queuedDue(Instant now) {
    return store.queuedDue(now);
  }

  @Override
  public List<FinishedJob> finishedBetween(Instant from, Instant to, int limit) {
    return store.finishedBetween(from, to, limit);
  }

  @Override
  public List<Job> ofUserSince(UserId user, Instant since, int offset, int limit) {
    return store.ofUserSince(user, since, offset, limit);
  }

  @Override
  public Map<java.time.LocalDate, Long> countCreatedPerDay(Instant since) {
    return store.countCreatedPerDay(since);
  }
}
