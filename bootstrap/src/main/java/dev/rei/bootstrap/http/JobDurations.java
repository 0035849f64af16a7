package dev.rei.bootstrap.http;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.JobStore.FinishedJob;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Records how long each job took, from creation to its final state, by kind and final state: each
 * run reads the jobs that finished since the last one and feeds them to a timer. It reads up to
 * {@link #SETTLE} before now, because a job's finish time is written just before its transaction
 * commits. Run by the bot process only (one per deployment), so each job is recorded once.
 */
public final class JobDurations implements Runnable {

  /** How often it runs: as often as the database-read gauges refresh. */
  public static final Duration INTERVAL = BusinessGauges.MAX_AGE;
  /** How long a finish may take to become visible: commits are short, clocks of two hosts differ a little. */
  static final Duration SETTLE = Duration.ofSeconds(30);
  static final int BATCH = 1_000;
  /** Buckets from a quick image to a long video, for {@code histogram_quantile} and SLO alerts. */
  private static final Duration[] BUCKETS = {Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
      Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
      Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1)};

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final Clock clock;
  private final MeterRegistry registry;
  private Instant recordedUntil;

  public JobDurations(UnitOfWork unitOfWork, JobStore jobs, Clock clock, MeterRegistry registry) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.clock = clock;
    this.registry = registry;
    // Jobs that finished before this process started were recorded by its predecessor, or are history.
    this.recordedUntil = clock.now().minus(SETTLE);
    for (JobKind kind : JobKind.values()) {
      for (JobState state : JobState.values()) {
        if (state.isTerminal()) {
          timer(kind, state);
        }
      }
    }
  }

  @Override
  public synchronized void run() {
    Instant until = clock.now().minus(SETTLE);
    List<FinishedJob> batch;
    do {
      Instant from = recordedUntil;
      batch = unitOfWork.inTransaction(() -> jobs.finishedBetween(from, until, BATCH));
      batch.forEach(job -> timer(job.kind(), job.state()).record(job.duration()));
      // A full batch goes on from just after its last job; others that finished in that same microsecond are
      // skipped, which a metric can afford.
      recordedUntil = batch.size() < BATCH ? until : batch.get(batch.size() - 1).finishedAt().plusNanos(1_000);
    } while (batch.size() == BATCH);
  }

  private Timer timer(JobKind kind, JobState state) {
    return Timer.builder(ReiMeters.JOB_DURATION)
        .description("From a job's creation to its final state (queue wait, retries and provider time included)")
        .tags("kind", kind.name().toLowerCase(Locale.ROOT), "state", state.name().toLowerCase(Locale.ROOT))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
