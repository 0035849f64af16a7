package dev.rei.bench;

import dev.rei.adapters.persistence.postgres.PostgresDatabase;
import dev.rei.adapters.persistence.postgres.PostgresWorkSignal;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.job.JobOutcomes;
import dev.rei.application.service.job.JobTimings;
import dev.rei.application.service.job.RunNextJobService;
import dev.rei.application.service.order.PlaceOrderService;
import dev.rei.application.service.user.RegisterUserService;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.KeyPoolPolicy;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for the core on embedded PostgreSQL: ledger transfers per second (uniform over
 * 10,000 users, and one hot user), queue throughput and pickup latency, and pgbench's TPC-B-like
 * TPS on the same server in the same run. Prints the figures and writes bench/results/core-*.json.
 *
 * <p>Arguments (all optional): seconds per phase (10), client threads (8).
 */
public final class BenchMain {

  private static final Clock CLOCK = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final IdGenerator IDS = UUID::randomUUID;
  private static final int USERS = 10_000;

  public static void main(String[] args) throws Exception {
    Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Results results = new Results();
    results.put("phase_seconds", phase.toSeconds());
    results.put("clients", clients);
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("create database rei_bench");
        s.execute("create database pgbench");
      }
      TpcbBaseline.Measurement baseline = new TpcbBaseline("localhost", server.getPort(), "pgbench", "postgres")
          .measure(clients, phase);
      results.put("tpcb_tps", baseline.tps());
      results.put("tpcb_tool", baseline.tool());

      try (PostgresDatabase db = PostgresDatabase.open(server.getJdbcUrl("postgres", "rei_bench"), "postgres", "",
          clients + 4)) {
        Notifier notifier = new Notifier(db.outbox(), IDS, CLOCK, new Admins(Set.of()), db.alertThrottle(),
            java.time.Duration.ofHours(1));
        RegisterUserService register = new RegisterUserService(db.unitOfWork(), db.users(), db.ledger(), notifier,
            CLOCK, IDS, Credits.of(1_000_000));
        long setup = System.nanoTime();
        parallel(clients, USERS, i -> register.register(new RegisterUserCommand(UserId.of(i + 1), Language.RU)));
        results.put("setup_users_seconds", (System.nanoTime() - setup) / 1e9);

        double uniform = transfersPerSecond(db, clients, phase, () -> UserId.of(1 + ThreadLocalRandom.current().nextInt(USERS)));
        results.put("ledger_transfers_per_s_uniform", uniform);
        results.put("ledger_uniform_vs_tpcb", uniform / baseline.tps());
        double hot = transfersPerSecond(db, clients, phase, () -> UserId.of(1));
        results.put("ledger_transfers_per_s_hot_user", hot);
        results.put("ledger_hot_vs_tpcb", hot / baseline.tps());

        try (PostgresWorkSignal signal = new PostgresWorkSignal(db.unitOfWork(),
            server.getJdbcUrl("postgres", "rei_bench"), "postgres", "")) {
          queue(db, notifier, signal, clients, phase, results);
        }
      }
    }
    Path file = results.write(Path.of("bench", "results"), "core-" + Instant.now().toString().replace(':', '-'));
    System.out.println("written to " + file);
  }

  /** Holds of one credit, each immediately captured: two ledger transfers per loop, in separate transactions. */
  private static double transfersPerSecond(PostgresDatabase db, int clients, Duration phase,
      java.util.function.Supplier<UserId> users) throws InterruptedException {
    AtomicLong transfers = new AtomicLong();
    runFor(clients, phase, () -> {
      UserId user = users.get();
      TransferId hold = TransferId.of(IDS.newId());
      db.unitOfWork().inTransaction(() -> db.ledger().apply(new TransferRequest.Hold(IdempotencyKey.of("b", hold),
          AccountId.user(user), SystemAccount.REVENUE, Credits.of(1), TransferKind.SPEND,
          TransferMemo.of(ReferenceType.JOB, "bench"), java.util.Optional.empty()), hold, CLOCK.now()));
      db.unitOfWork().inTransaction(() -> db.ledger().apply(new TransferRequest.Capture(
          IdempotencyKey.of("c", hold), hold, Credits.of(1)), TransferId.of(IDS.newId()), CLOCK.now()));
      transfers.addAndGet(2);
    });
    return transfers.get() / (double) phase.toSeconds();
  }

  /** Producers place one-item orders as fast as they can while workers claim and complete them. */
  private static void queue(PostgresDatabase db, Notifier notifier, WorkSignal signal, int clients, Duration phase,
      Results results) throws InterruptedException {
    ConcurrentLinkedQueue<Long> pickupMicros = new ConcurrentLinkedQueue<>();
    // When each job was handed to the provider and when its order's transaction had returned, by nanoTime.
    Map<JobId, Long> submittedAt = new ConcurrentHashMap<>();
    Map<JobId, Long> committedAt = new ConcurrentHashMap<>();
    GenerationProvider instant = new GenerationProvider() {
      @Override
      public ProviderName name() {
        return ProviderName.of("bench");
      }

      @Override
      public Set<JobKind> kinds() {
        return EnumSet.allOf(JobKind.class);
      }

      @Override
      public int keyCount() {
        return 1;
      }

      @Override
      public Outcome submit(Job job, KeyId key) {
        pickupMicros.add(ChronoUnit.MICROS.between(job.createdAt(), CLOCK.now()));
        submittedAt.put(job.id(), System.nanoTime());
        return new Outcome.Done(new ResultRef("bench/" + job.id()));
      }

      @Override
      public Outcome poll(ProviderTask task) {
        // Unreachable: submit always answers Done, so no job ever waits on this provider.
        throw new IllegalStateException("the bench provider answers at once and has nothing to poll");
      }
    };
    KeyHealthStore healthy = new KeyHealthStore() {
      private final AtomicLong turn = new AtomicLong();

      @Override
      public List<KeyHealth> health(List<KeyId> keys) {
        return keys.stream().map(KeyHealth::healthy).toList();
      }

      @Override
      public void block(KeyId key, KeyBlock block) {
        throw new IllegalStateException("the bench provider never fails");
      }

      @Override
      public void clear(KeyId key) {}

      @Override
      public long nextTurn(ProviderName provider) {
        return turn.getAndIncrement();
      }
    };
    PlaceOrderService place = new PlaceOrderService(db.unitOfWork(), db.users(), db.orders(), db.jobs(), db.ledger(),
        notifier, signal, CLOCK, IDS, new OrderLimits(Integer.MAX_VALUE, Credits.of(Long.MAX_VALUE / 4)), JobTimings.DEFAULT);
    RunNextJobService run = new RunNextJobService(db.unitOfWork(), db.jobs(), healthy, List.of(instant),
        new JobOutcomes(db.jobs(), db.ledger(), healthy, KeyPoolPolicy.DEFAULT, notifier, CLOCK, IDS), notifier, CLOCK,
        RetryPolicy.DEFAULT, KeyPoolPolicy.DEFAULT, JobTimings.DEFAULT, new SplittableRandom(1));
    int producers = Math.max(1, clients / 2);
    int workers = Math.max(1, clients - producers);
    results.put("queue_producers", producers);
    results.put("queue_workers", workers);

    // Throughput: producers place orders as fast as they can; the queue backs up.
    QueueRun flood = new QueueRun(run, signal, workers, pickupMicros);
    AtomicLong placed = flood.placed;
    long started = System.nanoTime();
    runFor(producers, phase, () -> {
      if (placeOne(place)) {
        placed.incrementAndGet();
      }
    });
    flood.finish();
    double seconds = (System.nanoTime() - started) / 1e9;
    results.put("queue_jobs_completed", pickupMicros.size());
    results.put("queue_jobs_per_s", pickupMicros.size() / seconds);

    // Pickup latency: one order every 20 ms, well below capacity, so workers wait idle on the signal.
    pickupMicros.clear();
    QueueRun steady = new QueueRun(run, signal, workers, pickupMicros);
    long end = System.nanoTime() + phase.toNanos();
    submittedAt.clear();
    while (System.nanoTime() < end) {
      PlaceOrderResult result = place(place);
      long returned = System.nanoTime();
      if (result instanceof PlaceOrderResult.Placed placedOrder) {
        steady.placed.incrementAndGet();
        placedOrder.jobs().forEach(job -> committedAt.put(job.id(), returned));
      }
      Thread.sleep(20);
    }
    steady.finish();
    Percentiles pickup = new Percentiles(pickupMicros.stream().mapToLong(Long::longValue).toArray());
    results.put("queue_pickup_jobs", pickup.count());
    results.put("queue_pickup_p50_ms", pickup.millis(50));
    results.put("queue_pickup_p99_ms", pickup.millis(99));
    results.put("queue_pickup_measured_from", "the job's creation, at the start of the order's transaction");
    // A worker woken by the commit may claim the job before placeOrder has even returned: that counts as 0.
    Percentiles afterCommit = new Percentiles(committedAt.entrySet().stream()
        .filter(e -> submittedAt.containsKey(e.getKey()))
        .mapToLong(e -> Math.max(0, submittedAt.get(e.getKey()) - e.getValue()) / 1_000).toArray());
    results.put("queue_pickup_after_commit_p50_ms", afterCommit.millis(50));
    results.put("queue_pickup_after_commit_p99_ms", afterCommit.millis(99));
    results.put("queue_wakeup", "LISTEN/NOTIFY, workers wait up to 1 s when idle");
  }

  private static boolean placeOne(PlaceOrderService place) {
    return place(place) instanceof PlaceOrderResult.Placed;
  }

  private static PlaceOrderResult place(PlaceOrderService place) {
    UserId user = UserId.of(1 + ThreadLocalRandom.current().nextInt(USERS));
    Quote quote = new Quote(new PricedItem.ReelsVideo(), 1, Credits.of(1), CLOCK.now(), CLOCK.now().plusSeconds(60));
    return place.placeOrder(new PlaceOrderCommand(user, quote, JobParameters.NONE,
        IdempotencyKey.of("q", IDS.newId())));
  }

  /** Workers that claim until told to finish and every placed job is done; idle ones wait on the signal. */
  private static final class QueueRun {
    final AtomicLong placed = new AtomicLong();
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    QueueRun(RunNextJobService run, WorkSignal signal, int workers, ConcurrentLinkedQueue<Long> done) {
      for (int w = 0; w < workers; w++) {
        WorkerId worker = new WorkerId("bench-" + w);
        threads.add(started(() -> {
          while (producing.get() || placed.get() > done.size()) {
            if (run.runNext(worker) instanceof WorkResult.Idle) {
              try {
                signal.await(Duration.ofSeconds(1));
              } catch (InterruptedException e) {
                return;
              }
            }
          }
        }));
      }
    }

    void finish() throws InterruptedException {
      producing.set(false);
      for (Thread thread : threads) {
        thread.join();
      }
    }
  }

  private static Thread started(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }

  private static void runFor(int threads, Duration phase, Runnable step) throws InterruptedException {
    long end = System.nanoTime() + phase.toNanos();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(started(() -> {
        while (System.nanoTime() < end) {
          step.run();
        }
      }));
    }
    for (Thread thread : running) {
      thread.join();
    }
  }

  private static void parallel(int threads, int count, java.util.function.IntConsumer each) throws InterruptedException {
    AtomicLong next = new AtomicLong();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(started(() -> {
        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          each.accept((int) i);
        }
      }));
    }
    for (Thread thread : running) {
      thread.join();
    }
  }
}
