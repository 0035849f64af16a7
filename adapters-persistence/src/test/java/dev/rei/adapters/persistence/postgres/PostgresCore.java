package dev.rei.adapters.persistence.postgres;

import dev.rei.application.fakes.InMemoryKeyHealthStore;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.fakes.ScriptedGenerationProvider;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.job.JobOutcomes;
import dev.rei.application.service.job.JobTimings;
import dev.rei.application.service.job.RunNextJobService;
import dev.rei.application.service.job.SweepJobsService;
import dev.rei.application.service.order.PlaceOrderService;
import dev.rei.application.service.order.QuoteService;
import dev.rei.application.service.user.RegisterUserService;
import dev.rei.domain.fixtures.PricingFixtures;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.provider.KeyPoolPolicy;
import dev.rei.domain.provider.ProviderName;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/** The core's services on a fresh PostgreSQL database, with in-memory key health and a scripted provider. */
final class PostgresCore implements AutoCloseable {

  static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  final PostgresDatabase database;
  final MutableClock clock;
  final IdGenerator ids = UUID::randomUUID;
  final ScriptedGenerationProvider provider =
      new ScriptedGenerationProvider(ProviderName.of("sim"), EnumSet.allOf(JobKind.class), 2);
  final RegisterUserService register;
  final QuoteService quotes;
  final PlaceOrderService placeOrder;
  final RunNextJobService runNext;
  final SweepJobsService sweep;

  PostgresCore(OrderLimits limits, Credits welcomeBonus, int poolSize) {
    this(TestDatabases.fresh(), START, limits, welcomeBonus, poolSize);
  }

  /** The core on an existing database (another process may share it), its clock starting at {@code start}. */
  /** The tests run workers by hand, so nothing needs waking. */
  private static final WorkSignal NO_SIGNAL = new WorkSignal() {
    @Override
    public void signal() {}

    @Override
    public boolean await(java.time.Duration timeout) {
      return false;
    }
  };

  PostgresCore(TestDatabases.Credentials credentials, Instant start, OrderLimits limits, Credits welcomeBonus,
      int poolSize) {
    clock = new MutableClock(start);
    database = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), poolSize);
    Notifier notifier = new Notifier(database.outbox(), ids, clock, new Admins(Set.of()), database.alertThrottle(),
        java.time.Duration.ofHours(1));
    InMemoryKeyHealthStore keyHealth = new InMemoryKeyHealthStore();
    register = new RegisterUserService(database.unitOfWork(), database.users(), database.ledger(), notifier, clock, ids,
        welcomeBonus);
    quotes = new QuoteService(PricingFixtures.samplePriceList(), database.ledger(), clock);
    placeOrder = new PlaceOrderService(database.unitOfWork(), database.users(), database.orders(), database.jobs(),
        database.ledger(), notifier, NO_SIGNAL, clock, ids, limits, JobTimings.DEFAULT);
    JobOutcomes outcomes = new JobOutcomes(database.jobs(), database.ledger(), keyHealth, KeyPoolPolicy.DEFAULT,
        notifier, clock, ids);
    runNext = new RunNextJobService(database.unitOfWork(), database.jobs(), keyHealth,
        List.<GenerationProvider>of(provider), outcomes, notifier, clock, RetryPolicy.DEFAULT, KeyPoolPolicy.DEFAULT,
        JobTimings.DEFAULT, new SplittableRandom(3));
    sweep = new SweepJobsService(database.unitOfWork(), database.jobs(), database.ledger(), outcomes, clock, ids,
        RetryPolicy.DEFAULT, new SplittableRandom(5));
  }

  List<LedgerViolation> audit() {
    return database.unitOfWork().inTransaction(
        () -> LedgerAudit.check(database.ledger().balances(), database.ledger().transfers()));
  }

  @Override
  public void close() {
    database.close();
  }
}
