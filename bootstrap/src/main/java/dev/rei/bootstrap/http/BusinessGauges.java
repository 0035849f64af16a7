package dev.rei.bootstrap.http;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business figures read from the database: jobs by kind and state, payments by rail and
 * status, the chat inbox (unhandled updates and the age of the oldest), and the ledger totals. One
 * snapshot (five grouped queries in one transaction) serves every gauge and is reused for {@link
 * #MAX_AGE}, so Prometheus may scrape as often as it likes: the database is read at most every
 * 15 seconds per process. A figure that cannot be read shows as NaN, not as a stale number.
 */
public final class BusinessGauges {

  static final Duration MAX_AGE = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(BusinessGauges.class);

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final PaymentStore payments;
  private final InboundUpdates inbox;
  private final LedgerStore ledger;
  private final Clock clock;
  private final Cached<Snapshot> snapshot = new Cached<>(this::read, MAX_AGE);

  private record Snapshot(Map<JobKind, Map<JobState, Long>> jobs, Map<Rail, Map<PaymentStatus, Long>> payments,
      long inboxPending, Optional<Instant> oldestPending, Optional<LedgerStore.LedgerTotals> ledger) {
    static final Snapshot UNKNOWN = new Snapshot(null, null, -1, Optional.empty(), Optional.empty());

    boolean known() {
      return jobs != null;
    }
  }

  public BusinessGauges(UnitOfWork unitOfWork, JobStore jobs, PaymentStore payments, InboundUpdates inbox,
      LedgerStore ledger, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.payments = payments;
    this.inbox = inbox;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Registers every gauge, at zero until something happens; they read the database only when scraped. */
  public void register(MeterRegistry registry) {
    for (JobKind kind : JobKind.values()) {
      for (JobState state : JobState.values()) {
        gauge(registry, ReiMeters.JOBS_BY_KIND, "Jobs by kind and the state they are in now",
            s -> s.jobs().getOrDefault(kind, Map.of()).getOrDefault(state, 0L),
            "kind", lower(kind), "state", lower(state));
      }
    }
    for (Rail rail : Rail.values()) {
      for (PaymentStatus status : PaymentStatus.values()) {
        gauge(registry, ReiMeters.PAYMENTS, "Payments by rail and the status they are in now",
            s -> s.payments().getOrDefault(rail, Map.of()).getOrDefault(status, 0L),
            "rail", lower(rail), "status", lower(status));
      }
    }
    gauge(registry, ReiMeters.INBOX_PENDING, "Telegram updates received and not handled yet", Snapshot::inboxPending);
    gauge(registry, ReiMeters.INBOX_LAG, "Age of the oldest unhandled Telegram update, 0 when none",
        s -> s.oldestPending().map(oldest -> Math.max(0, Duration.between(oldest, clock.now()).toMillis() / 1000.0))
            .orElse(0.0));
    for (SystemAccount account : SystemAccount.values()) {
      gauge(registry, ReiMeters.LEDGER_SYSTEM, "Posted balance of a system account (sales and bonus go negative)",
          s -> s.ledger().map(t -> (double) t.systemPosted().get(account)).orElse(Double.NaN),
          "account", lower(account));
    }
    gauge(registry, ReiMeters.LEDGER_USERS, "Credits of all users in sum: posted, held for jobs, available",
        s -> s.ledger().map(t -> (double) t.usersPosted()).orElse(Double.NaN), "figure", "posted");
    gauge(registry, ReiMeters.LEDGER_USERS, "Credits of all users in sum: posted, held for jobs, available",
        s -> s.ledger().map(t -> (double) t.usersHeld()).orElse(Double.NaN), "figure", "held");
    gauge(registry, ReiMeters.LEDGER_USERS, "Credits of all users in sum: posted, held for jobs, available",
        s -> s.ledger().map(t -> (double) t.usersAvailable()).orElse(Double.NaN), "figure", "available");
  }

  private void gauge(MeterRegistry registry, String name, String help, ToDoubleFunction<Snapshot> read,
      String... tags) {
    Gauge.builder(name, this, g -> {
          Snapshot current = g.current();
          return current.known() ? read.applyAsDouble(current) : Double.NaN;
        })
        .tags(tags)
        .description(help)
        .register(registry);
  }

  private Snapshot current() {
    return snapshot.get();
  }

  private Snapshot read() {
    try {
      // Every job ever counted by kind and state: one grouped scan of the jobs table per refresh.
      return unitOfWork.inTransaction(() -> new Snapshot(jobs.countCreatedSince(Instant.EPOCH),
          payments.countByRailAndStatus(), inbox.pending(), inbox.oldestPending(), Optional.of(ledger.totals())));
    } catch (RuntimeException e) {
      LOG.warn("metrics: cannot read the business figures from the database: {}", e.toString());
      return Snapshot.UNKNOWN;
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
