package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.application.port.in.admin.WatchOperationsUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Notifier;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the failure rate and the queue from the job store and the key pools from their shared
 * health, then raises what is over its threshold through {@link Notifier#alertAdmins}, whose
 * throttle (in PostgreSQL) lets one alert of each kind through per window whichever process asks.
 * "All keys blocked" uses the name and subject the workers use, so the two never double up.
 */
public final class OperationsWatch implements WatchOperationsUseCase {

  static final String FAILURE_RATE = "job_failure_rate";
  static final String BACKLOG = "queue_backlog";
  static final String ALL_KEYS_BLOCKED = "all_keys_blocked";

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final GetProviderHealthUseCase providers;
  private final Notifier notifier;
  private final Clock clock;
  private final OperationsThresholds thresholds;

  public OperationsWatch(UnitOfWork unitOfWork, JobStore jobs, GetProviderHealthUseCase providers, Notifier notifier,
      Clock clock, OperationsThresholds thresholds) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.providers = providers;
    this.notifier = notifier;
    this.clock = clock;
    this.thresholds = thresholds;
  }

  @Override
  public Findings watch() {
    Instant now = clock.now();
    // Key health lives outside the database: read it before the transaction, not inside it.
    List<ProviderHealth> pools = providers.providerHealth();
    return unitOfWork.inTransaction(() -> {
      Map<JobKind, Map<JobState, Long>> finished = jobs.countFinishedSince(now.minus(thresholds.failureWindow()));
      JobStore.Backlog backlog = jobs.queuedDue(now);
      List<String> alerted = new ArrayList<>();
      long ended = 0;
      long failed = 0;
      for (Map<JobState, Long> byState : finished.values()) {
        ended += endedOf(byState);
        failed += failedOf(byState);
      }
      if (ended >= thresholds.failureMinJobs() && failed >= thresholds.failureRate() * ended
          && notifier.alertAdmins(FAILURE_RATE, "jobs", Map.of(
              "failed", failed + " of " + ended + " (" + percent(failed, ended) + ")",
              "window", thresholds.failureWindow().toMinutes() + " min",
              "threshold", percent(thresholds.failureRate()),
              "byKind", byKind(finished)))) {
        alerted.add(FAILURE_RATE);
      }
      Optional<Duration> oldestWait = backlog.oldestDueSince().map(since -> age(since, now));
      boolean tooOld = oldestWait.map(wait -> wait.compareTo(thresholds.backlogAge()) > 0).orElse(false);
      if ((backlog.jobs() >= thresholds.backlogJobs() || tooOld)
          && notifier.alertAdmins(BACKLOG, "queue", Map.of(
              "due", Long.toString(backlog.jobs()),
              "oldestWait", oldestWait.map(OperationsWatch::minutes).orElse("-"),
              "threshold", thresholds.backlogJobs() + " jobs or " + minutes(thresholds.backlogAge())))) {
        alerted.add(BACKLOG);
      }
      List<ProviderName> exhausted = new ArrayList<>();
      for (ProviderHealth pool : pools) {
        if (pool.usable()) {
          continue;
        }
        exhausted.add(pool.provider());
        if (notifier.alertAdmins(ALL_KEYS_BLOCKED, pool.provider().value(), Map.of(
            "provider", pool.provider().value(),
            "keys", pool.keys() + " (cooling " + pool.cooling() + ", blocked " + pool.blocked() + ")"))) {
          alerted.add(ALL_KEYS_BLOCKED + ":" + pool.provider().value());
        }
      }
      return new Findings(ended, failed, backlog.jobs(), oldestWait, exhausted, alerted);
    });
  }

  /** Jobs that ran their course; a cancel says nothing about whether the system works. */
  private static long endedOf(Map<JobState, Long> byState) {
    return byState.getOrDefault(JobState.SUCCEEDED, 0L) + failedOf(byState);
  }

  private static long failedOf(Map<JobState, Long> byState) {
    return byState.getOrDefault(JobState.FAILED, 0L) + byState.getOrDefault(JobState.EXPIRED, 0L);
  }

  /** {@code IMAGE_GENERATE 3/10, VIDEO_TEXT 0/2}: failed of ended, per kind that ended any. */
  private static String byKind(Map<JobKind, Map<JobState, Long>> finished) {
    Map<JobKind, Map<JobState, Long>> sorted = new TreeMap<>(finished);
    return sorted.entrySet().stream()
        .filter(entry -> endedOf(entry.getValue()) > 0)
        .map(entry -> entry.getKey() + " " + failedOf(entry.getValue()) + "/" + endedOf(entry.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String percent(long part, long whole) {
    return percent((double) part / whole);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String minutes(Duration duration) {
    return duration.toMinutes() + " min";
  }

  /** How long ago {@code then} was; never negative, even if another process's clock runs ahead. */
  private static Duration age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
