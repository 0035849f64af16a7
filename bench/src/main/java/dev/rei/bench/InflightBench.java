package dev.rei.bench;

import dev.rei.adapters.persistence.files.FileMediaStore;
import dev.rei.adapters.persistence.postgres.EmbeddedPostgresServer;
import dev.rei.adapters.persistence.postgres.PostgresDatabase;
import dev.rei.adapters.persistence.postgres.PostgresWorkSignal;
import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.adapters.persistence.redis.RedisConnection;
import dev.rei.adapters.persistence.redis.RedisKeyHealthStore;
import dev.rei.adapters.providers.VideoJobParameters;
import dev.rei.adapters.providers.simulated.SimulatedVideoProvider;
import dev.rei.adapters.providers.simulated.SimulatedVideoSettings;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.job.JobOutcomes;
import dev.rei.application.service.job.JobTimings;
import dev.rei.application.service.job.ReleaseLeasesService;
import dev.rei.application.service.job.RunNextJobService;
import dev.rei.application.service.order.PlaceOrderService;
import dev.rei.application.service.user.RegisterUserService;
import dev.rei.bootstrap.http.MeteredGenerationProvider;
import dev.rei.bootstrap.run.JobWorkers;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.VideoDuration;
import dev.rei.domain.pricing.VideoSource;
import dev.rei.domain.provider.KeyPoolPolicy;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jooq.impl.DSL;

/**
 * How many AWAITING_PROVIDER jobs one worker process keeps polling: N video jobs are placed for
 * many users on embedded PostgreSQL (durable commits, as the embedded default), then the
 * production worker loop ({@link JobWorkers} over {@link RunNextJobService}) submits them to the
 * simulated video provider, which takes an hour per video and asks to be polled every {@link
 * #POLL_INTERVAL}, so every job stays in flight. Over the steady phase it measures polls per second
 * against the jobs / interval needed, how late polls come after {@code next_poll_at}, the CPU of
 * the JVM and of PostgreSQL, heap after GC and threads. Prints the figures and writes {@code
 * bench/results/inflight-*.json}.
 *
 * <p>Arguments (all optional): jobs (10,000), steady seconds (60), worker threads (4), the workers'
 * idle poll in seconds (5, production's {@code WORKER_IDLE_POLL_SECONDS} default), and {@code
 * durable} (default: every commit waits for the disk, as the embedded default and any real server
 * do) or {@code fast} (commits do not wait, as in the tests), to see what the disk costs.
 */
public final class InflightBench {

  /** How often the simulated provider asks to be polled; the figure is reported against it. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
  /** The simulated provider's longest video: longer than any run allowed below, so no job finishes. */
  private static final Duration VIDEO_TAKES = Duration.ofHours(1);
  private static final int MAX_STEADY_SECONDS = 1_800;
  /** Production's default limit on active orders: each user places exactly that many. */
  private static final int ORDERS_PER_USER = OrderLimits.DEFAULT.maxActiveOrders();
  private static final Credits PRICE = Credits.of(50);
  private static final Credits WELCOME_BONUS = Credits.of(1_000);
  /** Production's DATABASE_POOL_SIZE default. */
  private static final int POOL_SIZE = 10;
  private static final int SETUP_THREADS = 8;
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(15);
  /** Longer than the whole run, so the deadline sweeper has nothing to expire (no sweeper runs anyway). */
  private static final JobTimings TIMINGS =
      new JobTimings(Duration.ofHours(2), JobTimings.DEFAULT.lease(), JobTimings.DEFAULT.holdMargin());
  private static final Clock CLOCK = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final IdGenerator IDS = UUID::randomUUID;

  private InflightBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = argument(args, 0, 10_000, 1, 1_000_000, "jobs");
    int steadySeconds = argument(args, 1, 60, 1, MAX_STEADY_SECONDS, "seconds");
    int threads = argument(args, 2, 4, 1, 256, "threads");
    int idlePollSeconds = argument(args, 3, 5, 1, 3_600, "idle poll seconds");
    String commits = args.length > 4 ? args[4].strip() : "durable";
    if (!commits.equals("durable") && !commits.equals("fast")) {
      throw new IllegalArgumentException("commits must be durable or fast, was " + commits);
    }
    int users = (jobs + ORDERS_PER_USER - 1) / ORDERS_PER_USER;

    Results results = new Results();
    results.put("jobs", jobs);
    results.put("users", users);
    results.put("poll_interval_s", POLL_INTERVAL.toSeconds());
    results.put("simulated_video_takes_s", VIDEO_TAKES.toSeconds());
    results.put("worker_threads", threads);
    results.put("worker_idle_poll_s", idlePollSeconds);
    results.put("db_pool_size", POOL_SIZE);
    results.put("db_commits", commits.equals("durable")
        ? "durable: synchronous_commit=on (as the embedded default), server on the same machine"
        : "fast: synchronous_commit=off, fsync=off (as the tests), server on the same machine");

    Path dataDir = Files.createTempDirectory("rei-inflight-bench");
    try (EmbeddedPostgresServer postgres = commits.equals("durable")
             ? EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"), 0)
             : EmbeddedPostgresServer.ephemeral();
         EmbeddedRedisServer redis = EmbeddedRedisServer.start();
         RedisConnection redisConnection = RedisConnection.open(redis.url())) {
      postgres.createDatabaseIfAbsent("rei");
      String url = postgres.jdbcUrl("rei");
      try (PostgresDatabase db = PostgresDatabase.open(url, postgres.user(), postgres.password(), POOL_SIZE);
           PostgresWorkSignal signal = db.workSignal()) {
        run(new Setup(db, signal, new RedisKeyHealthStore(redisConnection), new FileMediaStore(dataDir.resolve("media")),
            new ProcessReadings(postmaster(url, postgres.user(), postgres.password()))),
            jobs, users, steadySeconds, threads, idlePollSeconds, results);
      }
    } finally {
      deleteRecursively(dataDir);
    }
    Path file = results.write(Path.of("bench", "results"), "inflight-" + Instant.now().toString().replace(':', '-'));
    System.out.println("written to " + file);
  }

  private record Setup(PostgresDatabase db, PostgresWorkSignal signal, KeyHealthStore keyHealth,
      FileMediaStore media, ProcessReadings readings) {}

  private static void run(Setup setup, int jobs, int users, int steadySeconds, int threads, int idlePollSeconds,
      Results results) throws Exception {
    PostgresDatabase db = setup.db();
    ProcessReadings readings = setup.readings();
    // Used only on failures (retry jitter), which this bench has none of; thread-safe like production's.
    RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
    Notifier notifier = new Notifier(db.outbox(), IDS, CLOCK, new Admins(Set.of()), db.alertThrottle(),
        Duration.ofHours(1));
    PollLagJobStore jobStore = new PollLagJobStore(db.jobs());
    JobOutcomes outcomes = new JobOutcomes(jobStore, db.ledger(), setup.keyHealth(), KeyPoolPolicy.DEFAULT, notifier,
        CLOCK, IDS);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GenerationProvider videos = new MeteredGenerationProvider(new SimulatedVideoProvider(setup.media(), CLOCK,
        new SimulatedVideoSettings(VIDEO_TAKES, POLL_INTERVAL)), metrics);
    BusyTimeRunNext runNext = new BusyTimeRunNext(new RunNextJobService(db.unitOfWork(), jobStore,
        setup.keyHealth(), List.of(videos), outcomes, notifier, CLOCK, RetryPolicy.DEFAULT, KeyPoolPolicy.DEFAULT,
        TIMINGS, random));
    ReleaseLeasesService releaseLeases = new ReleaseLeasesService(db.unitOfWork(), jobStore, outcomes,
        setup.signal(), CLOCK, RetryPolicy.DEFAULT, random);
    JobWorkers workers = new JobWorkers(runNext, releaseLeases, setup.signal(), CLOCK, threads,
        Duration.ofSeconds(idlePollSeconds), "inflight-bench", metrics);

    RegisterUserService register = new RegisterUserService(db.unitOfWork(), db.users(), db.ledger(), notifier, CLOCK,
        IDS, WELCOME_BONUS);
    parallel(SETUP_THREADS, users, i -> register.register(new RegisterUserCommand(UserId.of(i + 1L), Language.RU)));
    results.put("heap_max_mb", readings.heapMaxMegabytes());
    results.put("heap_used_after_gc_mb_before_jobs", readings.heapUsedAfterGcMegabytes());

    PlaceOrderService place = new PlaceOrderService(db.unitOfWork(), db.users(), db.orders(), db.jobs(), db.ledger(),
        notifier, setup.signal(), CLOCK, IDS, OrderLimits.DEFAULT, TIMINGS);
    Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    long placing = System.nanoTime();
    parallel(SETUP_THREADS, jobs, i -> {
      PlaceOrderResult result = place.placeOrder(videoOrder(UserId.of(i / ORDERS_PER_USER + 1L), i));
      if (!(result instanceof PlaceOrderResult.Placed)) {
        refusals.computeIfAbsent(result.toString(), r -> new AtomicInteger()).incrementAndGet();
      }
    });
    double placingSeconds = (System.nanoTime() - placing) / 1e9;
    if (!refusals.isEmpty()) {
      throw new IllegalStateException("orders were refused, the figures would be wrong: " + refusals);
    }
    results.put("place_orders_seconds", placingSeconds);
    results.put("place_orders_per_s", jobs / placingSeconds);

    // Submitting: the workers take every queued job to the provider; polls start coming due meanwhile.
    long submitting = System.nanoTime();
    workers.start();
    try {
      awaitAllAwaiting(db, jobs);
      double submitSeconds = (System.nanoTime() - submitting) / 1e9;
      results.put("submit_all_seconds", submitSeconds);
      results.put("submit_jobs_per_s", jobs / submitSeconds);
      results.put("heap_used_after_gc_mb_all_in_flight", readings.heapUsedAfterGcMegabytes());

      // One poll interval for every job's first poll to come due, then the measured steady phase.
      Thread.sleep(POLL_INTERVAL.toMillis());
      steady(setup, jobStore, runNext, jobs, threads, steadySeconds, idlePollSeconds, results);
      results.put("heap_used_after_gc_mb_after_steady", readings.heapUsedAfterGcMegabytes());
    } finally {
      workers.stop(Duration.ofSeconds(30));
    }
    Map<JobState, Long> states = db.jobs().countByState();
    results.put("jobs_by_state_at_end", states);
    if (states.getOrDefault(JobState.AWAITING_PROVIDER, 0L) != jobs) {
      System.out.println("WARNING: not every job stayed AWAITING_PROVIDER; the steady figures are off");
    }
  }

  private static void steady(Setup setup, PollLagJobStore jobStore, BusyTimeRunNext runNext, int jobs, int threads,
      int steadySeconds, int idlePollSeconds, Results results) throws Exception {
    ProcessReadings readings = setup.readings();
    long outboxBefore = outboxRows(setup.db());
    readings.resetPeakThreads();
    double[] cpuLoadSum = new double[2];
    int samples = 0;
    double heapPeak = 0;
    int threadsPeakSampled = 0;

    jobStore.startRecording();
    BusyTimeRunNext.Totals workBefore = runNext.totals();
    ProcessReadings.Snapshot before = readings.snapshot();
    long end = before.atNanos() + Duration.ofSeconds(steadySeconds).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.max(1, Math.min(1_000, (end - System.nanoTime()) / 1_000_000)));
      double process = readings.processCpuLoad();
      double system = readings.systemCpuLoad();
      if (process >= 0 && system >= 0) {
        cpuLoadSum[0] += process;
        cpuLoadSum[1] += system;
        samples++;
      }
      heapPeak = Math.max(heapPeak, readings.heapUsedMegabytes());
      threadsPeakSampled = Math.max(threadsPeakSampled, readings.liveThreads());
    }
    ProcessReadings.Snapshot after = readings.snapshot();
    BusyTimeRunNext.Totals work = runNext.totals().minus(workBefore);
    PollLagJobStore.PollLags lags = jobStore.stopRecording();
    long outboxAfter = outboxRows(setup.db());

    double seconds = (after.atNanos() - before.atNanos()) / 1e9;
    int polls = lags.count();
    double pollsPerSecond = polls / seconds;
    double needed = jobs / (double) POLL_INTERVAL.toSeconds();
    results.put("steady_seconds", seconds);
    results.put("polls", polls);
    results.put("polls_per_s", pollsPerSecond);
    results.put("polls_needed_per_s", needed);
    results.put("polls_achieved_vs_needed", pollsPerSecond / needed);
    results.put("worker_steps", work.steps());
    results.put("worker_step_mean_ms", work.steps() == 0 ? Double.NaN : work.stepNanos() / 1e6 / work.steps());
    double busy = (work.stepNanos() + work.emptyClaimNanos()) / (threads * seconds * 1e9);
    results.put("worker_busy_share", busy);
    results.put("worker_rests", work.emptyClaims());

    Percentiles lag = new Percentiles(lags.lagMicros());
    results.put("poll_lag_p50_ms", lag.millis(50));
    results.put("poll_lag_p90_ms", lag.millis(90));
    results.put("poll_lag_p99_ms", lag.millis(99));
    results.put("poll_lag_max_ms", lag.millis(100));
    // Lag that keeps growing means the process cannot keep up; a flat one means it can.
    long tenSeconds = Duration.ofSeconds(Math.min(10, steadySeconds)).toNanos();
    results.put("poll_lag_p50_ms_first_10s",
        new Percentiles(lags.lagMicros(before.atNanos(), before.atNanos() + tenSeconds)).millis(50));
    results.put("poll_lag_p50_ms_last_10s",
        new Percentiles(lags.lagMicros(after.atNanos() - tenSeconds, after.atNanos())).millis(50));

    double jvmCpuSeconds = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9;
    results.put("jvm_cpu_seconds", jvmCpuSeconds);
    results.put("jvm_cpu_cores_used", jvmCpuSeconds / seconds);
    results.put("jvm_cpu_ms_per_poll", polls == 0 ? Double.NaN : jvmCpuSeconds * 1e3 / polls);
    results.put("jvm_process_cpu_load_avg", samples == 0 ? Double.NaN : cpuLoadSum[0] / samples);
    results.put("system_cpu_load_avg", samples == 0 ? Double.NaN : cpuLoadSum[1] / samples);
    // Other processes on the machine compete for the same CPUs; this shows how many wanted one.
    results.put("system_load_average_1m_at_end", readings.loadAverage());
    if (readings.seesPostgres()) {
      double postgresCpuSeconds = (after.postgresCpuNanos() - before.postgresCpuNanos()) / 1e9;
      results.put("postgres_cpu_cores_used", postgresCpuSeconds / seconds);
      results.put("postgres_cpu_ms_per_poll", polls == 0 ? Double.NaN : postgresCpuSeconds * 1e3 / polls);
    }
    results.put("gc_collections", after.gcCount() - before.gcCount());
    results.put("gc_ms", after.gcMillis() - before.gcMillis());
    results.put("heap_used_peak_mb", heapPeak);
    results.put("live_threads_end", readings.liveThreads());
    results.put("live_threads_peak", Math.max(readings.peakThreads(), threadsPeakSampled));
    results.put("progress_notices_written", outboxAfter - outboxBefore);
    results.put("progress_notices_per_poll", polls == 0 ? Double.NaN : (outboxAfter - outboxBefore) / (double) polls);
    // A job is polled again P after its poll is recorded, so lag and step time stretch its cycle beyond P.
    results.put("poll_cycle_s", polls == 0 ? Double.NaN : jobs / pollsPerSecond);
    results.put("jobs_polled_every_10s_at_this_rate", (long) (pollsPerSecond * POLL_INTERVAL.toSeconds()));
    if (work.steps() > 0) {
      // Only an upper bound: steps get slower as the CPUs and the database fill up.
      results.put("jobs_polled_every_10s_if_never_resting",
          (long) (threads / (work.stepNanos() / 1e9 / work.steps()) * POLL_INTERVAL.toSeconds()));
    }
    results.put("limit", busy >= 0.9
        ? "workers busy all the time: the step (CPU and commits) limits the rate"
        : String.format(Locale.ROOT, "none reached: workers rested %.0f%% of the time, until the next job fell"
            + " due (at most the idle poll, %d s); polls are late only by the step and the rest's granularity",
            100 * (1 - busy), idlePollSeconds));
  }

  private static PlaceOrderCommand videoOrder(UserId user, int index) {
    Instant now = CLOCK.now();
    Quote quote = new Quote(new PricedItem.Video("kling-v2-6", VideoDuration.FIVE_SECONDS, VideoSource.TEXT), 1,
        PRICE, now, now.plusSeconds(60));
    // The parameters the Telegram video flow writes for a text-to-video order.
    JobParameters parameters = JobParameters.of(Map.of(
        VideoJobParameters.MODEL, "kling-v2-6",
        VideoJobParameters.DURATION, "5",
        VideoJobParameters.LANGUAGE, "ru",
        VideoJobParameters.PROMPT, "Котёнок играет с клубком на закате, видео " + index));
    return new PlaceOrderCommand(user, quote, parameters, IdempotencyKey.of("inflight", IDS.newId()));
  }

  private static void awaitAllAwaiting(PostgresDatabase db, int jobs) throws InterruptedException {
    long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
    while (true) {
      Map<JobState, Long> states = db.jobs().countByState();
      if (states.getOrDefault(JobState.AWAITING_PROVIDER, 0L) >= jobs) {
        return;
      }
      long settled = states.entrySet().stream().filter(e -> e.getKey() != JobState.QUEUED
          && e.getKey() != JobState.RUNNING && e.getKey() != JobState.AWAITING_PROVIDER)
          .mapToLong(Map.Entry::getValue).sum();
      if (settled > 0 || System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs did not all reach AWAITING_PROVIDER: " + states);
      }
      Thread.sleep(100);
    }
  }

  private static long outboxRows(PostgresDatabase db) {
    return db.dsl().fetchCount(DSL.table("outbox"));
  }

  /** The server's postmaster: the parent of a backend, looked up while that backend still lives. */
  private static Optional<ProcessHandle> postmaster(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      return ProcessHandle.of(row.getLong(1)).flatMap(ProcessHandle::parent);
    }
  }

  private static int argument(String[] args, int index, int fallback, int min, int max, String name) {
    if (args.length <= index) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(args[index].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + args[index]);
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  private static void parallel(int threads, int count, IntConsumer each) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> running = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            each.accept(i);
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("setup failed", failures.get(0));
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
