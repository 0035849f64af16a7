package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.DayFigures;
import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.application.port.in.admin.Stats;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Admins;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gathers the dashboard figures from every store in one transaction, so they describe one moment. */
public final class GetStatsService implements GetStatsUseCase {

  private static final Duration LAST_DAY = Duration.ofHours(24);

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final JobStore jobs;
  private final LedgerStore ledger;
  private final PaymentStore payments;
  private final Outbox outbox;
  private final Admins admins;
  private final Clock clock;
  private final GetProviderHealthUseCase providerHealth;

  /** {@code providerHealth} reads the key health of every configured pool, as {@code /health/providers} does. */
  public GetStatsService(UnitOfWork unitOfWork, UserStore users, JobStore jobs, LedgerStore ledger,
      PaymentStore payments, Outbox outbox, Admins admins, Clock clock, GetProviderHealthUseCase providerHealth) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.jobs = jobs;
    this.ledger = ledger;
    this.payments = payments;
    this.outbox = outbox;
    this.admins = admins;
    this.clock = clock;
    this.providerHealth = providerHealth;
  }

  @Override
  public StatsResult stats(UserId admin) {
    if (!admins.isAdmin(admin)) {
      return new StatsResult.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    Instant now = clock.now();
    Instant dayAgo = now.minus(LAST_DAY);
    // Instants are UTC, so truncating to days gives midnight UTC.
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    Instant chartStart = midnight.minus(Duration.ofDays(Stats.CHART_DAYS - 1L));
    // Key health lives in Redis, outside the transaction; it is a snapshot of its own.
    List<ProviderHealth> keys = providerHealth.providerHealth();
    Stats stats = unitOfWork.inTransaction(() -> new Stats(
        now,
        users.count(),
        users.countRegisteredSince(midnight),
        jobs.countCreatedSince(dayAgo),
        jobs.countByState(),
        ledger.totalsSince(dayAgo),
        payments.revenueSince(dayAgo),
        outbox.countUnsent(),
        outbox.oldestUnsent().map(oldest -> age(oldest, now)),
        keys,
        lastDays(LocalDate.ofInstant(chartStart, ZoneOffset.UTC), jobs.countCreatedPerDay(chartStart),
            payments.revenuePerDay(chartStart))));
    return new StatsResult.Report(stats);
  }

  private static List<DayFigures> lastDays(LocalDate first, Map<LocalDate, Long> jobsPerDay,
      Map<LocalDate, Map<String, Long>> revenuePerDay) {
    List<DayFigures> days = new ArrayList<>();
    for (int i = 0; i < Stats.CHART_DAYS; i++) {
      LocalDate day = first.plusDays(i);
      days.add(new DayFigures(day, jobsPerDay.getOrDefault(day, 0L), revenuePerDay.getOrDefault(day, Map.of())));
    }
    return days;
  }

  /** How long ago {@code then} was; never negative, even if another process's clock runs ahead. */
  private static Duration age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
