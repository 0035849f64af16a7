package dev.rei.bootstrap.http;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.JobState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the database: jobs in each state, unsent outbox messages and the outbox lag (age
 * of the oldest unsent message). One snapshot (two small grouped queries) serves every gauge of a
 * scrape and is reused for {@link #MAX_AGE}, so scraping never loads the database.
 */
public final class StoreGauges {

  static final Duration MAX_AGE = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final Outbox outbox;
  private final Clock clock;
  private final Cached<Snapshot> snapshot = new Cached<>(this::read, MAX_AGE);

  private record Snapshot(Map<JobState, Long> jobs, long unsent, Optional<Instant> oldestUnsent) {
    static final Snapshot UNKNOWN = new Snapshot(Map.of(), -1, Optional.empty());
  }

  public StoreGauges(UnitOfWork unitOfWork, JobStore jobs, Outbox outbox, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Registers the gauges; they read the database only when scraped. */
  public void register(MeterRegistry registry) {
    for (JobState state : JobState.values()) {
      Gauge.builder(ReiMeters.JOBS, this, g -> {
            Long count = g.current().jobs().get(state);
            return count == null ? Double.NaN : count;
          })
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .description("Jobs in each state")
          .register(registry);
    }
    Gauge.builder(ReiMeters.OUTBOX_UNSENT, this, g -> nanIfUnknown(g.current().unsent()))
        .description("Outbox messages not sent yet")
        .register(registry);
    Gauge.builder(ReiMeters.OUTBOX_LAG, this, StoreGauges::lagSeconds)
        .description("Age of the oldest unsent outbox message, 0 when none")
        .register(registry);
  }

  private double lagSeconds() {
    Snapshot current = current();
    if (current.unsent() < 0) {
      return Double.NaN;
    }
    return current.oldestUnsent()
        .map(oldest -> Math.max(0, Duration.between(oldest, clock.now()).toMillis() / 1000.0))
        .orElse(0.0);
  }

  private Snapshot current() {
    return snapshot.get();
  }

  private Snapshot read() {
    try {
      return unitOfWork.inTransaction(() -> {
        Map<JobState, Long> byState = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
          byState.put(state, 0L);
        }
        byState.putAll(jobs.countByState());
        return new Snapshot(byState, outbox.countUnsent(), outbox.oldestUnsent());
      });
    } catch (RuntimeException e) {
      LOG.warn("metrics: cannot read jobs and outbox from the database: {}", e.toString());
      return Snapshot.UNKNOWN;
    }
  }

  private static double nanIfUnknown(long value) {
    return value < 0 ? Double.NaN : value;
  }
}
