package dev.rei.application.port.in.admin;

import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.payment.Rail;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of the admin dashboard, read in one transaction at {@code at}. "Last day" means
 * the 24 hours before {@code at}; "today" starts at midnight UTC.
 *
 * @param usersTotal every registered user
 * @param usersRegisteredToday users registered since midnight UTC
 * @param jobsCreatedLastDay jobs created in the last day, by kind and the state they are in now
 * @param jobsByState every job by its state now
 * @param creditsLastDay credits moved to or from users in the last day, by history category
 * @param revenueLastDay minor units paid by payments settled in the last day, per rail and currency code
 * @param outboxUnsent messages not sent yet (nor given up on)
 * @param oldestUnsentAge how long the oldest unsent message has waited; empty when none waits
 * @param keyHealth each configured key pool by health now, by provider name
 * @param lastDays the last {@link #CHART_DAYS} UTC days, oldest first, today last; days without figures are zeros
 */
public record Stats(
    Instant at,
    long usersTotal,
    long usersRegisteredToday,
    Map<JobKind, Map<JobState, Long>> jobsCreatedLastDay,
    Map<JobState, Long> jobsByState,
    Map<HistoryCategory, Long> creditsLastDay,
    Map<Rail, Map<String, Long>> revenueLastDay,
    long outboxUnsent,
    Optional<Duration> oldestUnsentAge,
    java.util.List<ProviderHealth> keyHealth,
    java.util.List<DayFigures> lastDays) {

  /** How many days the chart shows. */
  public static final int CHART_DAYS = 14;

  public Stats {
    Objects.requireNonNull(at, "at");
    jobsCreatedLastDay = copyNested(jobsCreatedLastDay);
    jobsByState = copy(jobsByState, JobState.class);
    creditsLastDay = copy(creditsLastDay, HistoryCategory.class);
    revenueLastDay = copyRevenue(revenueLastDay);
    Objects.requireNonNull(oldestUnsentAge, "oldestUnsentAge");
    keyHealth = keyHealth.stream().sorted(java.util.Comparator.comparing(pool -> pool.provider().value())).toList();
    lastDays = java.util.List.copyOf(lastDays);
  }

  /** Jobs waiting to be claimed: the queue depth. */
  public long queued() {
    return jobsByState.getOrDefault(JobState.QUEUED, 0L);
  }

  /** Jobs whose provider is working on them; no worker thread waits for them. */
  public long awaitingProvider() {
    return jobsByState.getOrDefault(JobState.AWAITING_PROVIDER, 0L);
  }

  private static <K extends Enum<K>> Map<K, Long> copy(Map<K, Long> counts, Class<K> type) {
    Objects.requireNonNull(counts, "counts");
    Map<K, Long> copy = new EnumMap<>(type);
    copy.putAll(counts);
    return Collections.unmodifiableMap(copy);
  }

  private static Map<JobKind, Map<JobState, Long>> copyNested(Map<JobKind, Map<JobState, Long>> counts) {
    Objects.requireNonNull(counts, "counts");
    Map<JobKind, Map<JobState, Long>> copy = new EnumMap<>(JobKind.class);
    counts.forEach((kind, byState) -> copy.put(kind, copy(byState, JobState.class)));
    return Collections.unmodifiableMap(copy);
  }

  private static Map<Rail, Map<String, Long>> copyRevenue(Map<Rail, Map<String, Long>> revenue) {
    Objects.requireNonNull(revenue, "revenue");
    Map<Rail, Map<String, Long>> copy = new EnumMap<>(Rail.class);
    revenue.forEach((rail, byCurrency) -> copy.put(rail, Collections.unmodifiableMap(new TreeMap<>(byCurrency))));
    return Collections.unmodifiableMap(copy);
  }
}
