package dev.rei.application.fakes;

import dev.rei.application.port.out.JobStore;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Lease;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link JobStore} over an {@link InMemoryDatabase}; due-ness is exactly {@link Job#isDueAt}. */
public final class InMemoryJobStore implements JobStore {

  private final InMemoryDatabase db;

  public InMemoryJobStore(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void insert(Job job) {
    db.change(s -> {
      if (s.jobs.putIfAbsent(job.id(), job) != null) {
        throw new IllegalStateException("job " + job.id() + " exists");
      }
    });
  }

  @Override
  public Optional<Job> find(JobId id) {
    return db.access(s -> Optional.ofNullable(s.jobs.get(id)));
  }

  @Override
  public Optional<Job> lock(JobId id) {
    return find(id);
  }

  @Override
  public void update(Job job) {
    db.change(s -> {
      if (!s.jobs.containsKey(job.id())) {
        throw new IllegalStateException("no job " + job.id());
      }
      s.jobs.put(job.id(), job);
    });
  }

  @Override
  public Optional<Job> lockNextDue(Instant now) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.isDueAt(now))
        .min(Comparator.comparing(InMemoryJobStore::dueSince)));
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.state() == JobState.QUEUED || job.state() == JobState.AWAITING_PROVIDER
            || job.state() == JobState.DELIVERING)
        .map(InMemoryJobStore::dueSince)
        .min(Comparator.naturalOrder()));
  }

  /** When the job became due, so the oldest due job goes first. */
  static Instant dueSince(Job job) {
    return switch (job.state()) {
      case QUEUED -> job.nextAttemptAt().orElseThrow();
      case AWAITING_PROVIDER -> job.nextPollAt().orElseThrow();
      default -> job.lease().map(Lease::expiresAt).orElse(job.updatedAt());
    };
  }

  @Override
  public List<Job> lockPastDeadline(Instant now, int limit) {
    return db.access(s -> s.jobs.values().stream().filter(job -> job.isPastDeadlineAt(now)).limit(limit).toList());
  }

  @Override
  public List<Job> lockWithExpiredLease(Instant now, int limit) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> !job.state().isTerminal() && job.lease().map(l -> l.isExpiredAt(now)).orElse(false))
        .limit(limit)
        .toList());
  }

  @Override
  public List<JobId> leasedBy(WorkerId worker) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> !job.state().isTerminal() && job.lease().map(l -> l.worker().equals(worker)).orElse(false))
        .map(Job::id)
        .toList());
  }

  @Override
  public List<Job> ofOrder(OrderId order) {
    return db.access(s -> s.jobs.values().stream().filter(job -> job.orderId().equals(order)).toList());
  }

  @Override
  public List<Job> liveOf(UserId user) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.userId().equals(user) && !job.state().isTerminal())
        .sorted(Comparator.comparing(Job::createdAt))
        .toList());
  }

  @Override
  public int activeOrders(UserId user) {
    return db.access(s -> (int) s.jobs.values().stream()
        .filter(job -> job.userId().equals(user) && !job.state().isTerminal())
        .map(Job::orderId)
        .distinct()
        .count());
  }

  @Override
  public Credits spentSince(UserId user, Instant since) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.userId().equals(user) && !job.createdAt().isBefore(since))
        .filter(job -> job.state() != JobState.FAILED && job.state() != JobState.CANCELLED
            && job.state() != JobState.EXPIRED)
        .map(Job::price)
        .reduce(Credits.ZERO, Credits::plus));
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countCreatedSince(Instant since) {
    return db.access(s -> {
      Map<JobKind, Map<JobState, Long>> counts = new EnumMap<>(JobKind.class);
      s.jobs.values().stream().filter(job -> !job.createdAt().isBefore(since)).forEach(job ->
          counts.computeIfAbsent(job.kind(), k -> new EnumMap<>(JobState.class)).merge(job.state(), 1L, Long::sum));
      return counts;
    });
  }

  @Override
  public Map<JobState, Long> countByState() {
    return db.access(s -> {
      Map<JobState, Long> counts = new EnumMap<>(JobState.class);
      s.jobs.values().forEach(job -> counts.merge(job.state(), 1L, Long::sum));
      return counts;
    });
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countFinishedSince(Instant since) {
    return db.access(s -> {
      Map<JobKind, Map<JobState, Long>> counts = new EnumMap<>(JobKind.class);
      s.jobs.values().stream().filter(job -> job.state().isTerminal() && !job.updatedAt().isBefore(since))
          .forEach(job -> counts.computeIfAbsent(job.kind(), k -> new EnumMap<>(JobState.class))
              .merge(job.state(), 1L, Long::sum));
      return counts;
    });
  }

  @Override
  public Backlog queuedDue(Instant now) {
    return db.access(s -> {
      List<Instant> due = s.jobs.values().stream()
          .filter(job -> job.state() == JobState.QUEUED && job.isDueAt(now))
          .map(job -> job.nextAttemptAt().orElseThrow())
          .toList();
      return new Backlog(due.size(), due.stream().min(Comparator.naturalOrder()));
    });
  }

  @Override
  public List<FinishedJob> finishedBetween(Instant from, Instant to, int limit) {
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.state().isTerminal() && !job.updatedAt().isBefore(from) && job.updatedAt().isBefore(to))
        .sorted(Comparator.comparing(Job::updatedAt).thenComparing(job -> job.id().value()))
        .limit(limit)
        .map(job -> new FinishedJob(job.id(), job.kind(), job.state(), job.createdAt(), job.updatedAt()))
        .toList());
  }

  @Override
  public List<Job> ofUserSince(UserId user, Instant since, int offset, int limit) {
    // Ids compare as their text, as PostgreSQL compares uuids (unsigned), not as UUID.compareTo (signed).
    return db.access(s -> s.jobs.values().stream()
        .filter(job -> job.userId().equals(user) && !job.createdAt().isBefore(since))
        .sorted(Comparator.comparing(Job::createdAt).thenComparing(job -> job.id().toString()).reversed())
        .skip(offset)
        .limit(limit)
        .toList());
  }

  @Override
  public Map<java.time.LocalDate, Long> countCreatedPerDay(Instant since) {
    return db.access(s -> {
      Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
      s.jobs.values().stream().filter(job -> !job.createdAt().isBefore(since)).forEach(job ->
          counts.merge(java.time.LocalDate.ofInstant(job.createdAt(), java.time.ZoneOffset.UTC), 1L, Long::sum));
      return counts;
    });
  }
}
