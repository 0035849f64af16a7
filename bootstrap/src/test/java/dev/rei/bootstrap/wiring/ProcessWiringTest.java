package dev.rei.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.BanUserUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.UnbanUserUseCase;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.SweepJobsUseCase;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.http.JobDurations;
import dev.rei.bootstrap.http.ReiMeters;
import dev.rei.bootstrap.run.Managed;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.testing.InstantProvider;
import dev.rei.bootstrap.testing.RecordingSender;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.bootstrap.testing.TestServers;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.pricing.ImageSize;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole process (bot and worker roles) over real PostgreSQL and Redis given by URL, with a
 * provider module and a chat module plugged in the way the real ones will be.
 */
class ProcessWiringTest {

  private static final RecordingSender SENDER = new RecordingSender();
  private static final AtomicInteger CHAT_PART_STARTS = new AtomicInteger();
  private static EmbeddedRedisServer redis;
  private static ReiProcess process;

  /** What a Telegram module will do: bind the sender, contribute its poller as a chat part. */
  static final class TestChatModule extends AbstractModule {
    @Override
    protected void configure() {
      bind(MessageSender.class).toInstance(SENDER);
      Multibinder.newSetBinder(binder(), Managed.class, ChatPart.class).addBinding().toInstance(new Managed() {
        @Override
        public String name() {
          return "test poller";
        }

        @Override
        public void start() {
          CHAT_PART_STARTS.incrementAndGet();
        }

        @Override
        public void stop(Duration grace) {
        }
      });
    }
  }

  /** What a provider module will do: add its providers to the set, and their key pools. */
  static final class TestProviderModule extends AbstractModule {
    @Override
    protected void configure() {
      Multibinder.newSetBinder(binder(), GenerationProvider.class).addBinding().toInstance(new InstantProvider());
      Multibinder.newSetBinder(binder(), ConfiguredKeyPool.class).addBinding()
          .toInstance(new ConfiguredKeyPool(ProviderName.of("instant"), 1));
    }
  }

  @BeforeAll
  static void start() {
    redis = EmbeddedRedisServer.start();
    ReiConfig config = TestConfigs.load(Map.of(
        "DATABASE_URL", TestServers.newDatabaseUrl(),
        "REDIS_URL", redis.url(),
        "HTTP_PORT", "0",
        "REI_SIMULATED", "true",
        "WELCOME_BONUS", "10",
        "PRICE_IMAGE_1K", "3",
        "WORKER_THREADS", "2",
        "OUTBOX_POLL_MILLIS", "50"));
    process = ReiProcess.start(config, EnumSet.of(Role.BOT, Role.WORKER),
        AdapterModules.forConfig(config).withChat(new TestChatModule()).withProviders(new TestProviderModule()));
  }

  @AfterAll
  static void stop() {
    if (process != null) {
      process.stop();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static <T> T get(Class<T> type) {
    return process.injector().getInstance(type);
  }

  @Test
  void everyUseCaseIsBound() {
    List<Class<?>> useCases = List.of(RegisterUserUseCase.class, GetBalanceUseCase.class, GetHistoryUseCase.class,
        GetTransferUseCase.class, QuoteUseCase.class, PlaceOrderUseCase.class, RunNextJobUseCase.class,
        CancelJobUseCase.class, SweepJobsUseCase.class, ReleaseLeasesUseCase.class, SettlePaymentUseCase.class,
        StartTopUpUseCase.class, CheckPaymentUseCase.class, ReconcilePaymentsUseCase.class, RefundPaymentUseCase.class,
        AdjustBalanceUseCase.class, BanUserUseCase.class, UnbanUserUseCase.class, GetStatsUseCase.class,
        ReconcileLedgerUseCase.class, DispatchOutboxUseCase.class,
        dev.rei.application.port.in.admin.GetUserCardUseCase.class, dev.rei.application.port.in.admin.GetJobUseCase.class,
        dev.rei.application.port.in.admin.RetryJobUseCase.class);

    assertThat(useCases).allSatisfy(useCase -> assertThat(get(useCase)).isInstanceOf(useCase));
    // PostgreSQL keeps microseconds: the clock must not hand out finer instants.
    assertThat(get(Clock.class).now().getNano() % 1_000).isZero();
    assertThat(CHAT_PART_STARTS).hasValue(1);
  }

  @Test
  void givenAPlacedOrder_whenTheWorkersRun_thenTheJobSucceedsAndTheResultIsSent() {
    UserId user = UserId.of(777);
    get(RegisterUserUseCase.class).register(new RegisterUserCommand(user, Language.RU));
    QuoteResult quoted = get(QuoteUseCase.class)
        .quote(new QuoteCommand(user, new PricedItem.ImageGeneration(ImageSize.K1), 1)).result();
    PlaceOrderResult placed = get(PlaceOrderUseCase.class).placeOrder(new PlaceOrderCommand(user,
        ((QuoteResult.Quoted) quoted).quote(), JobParameters.of(Map.of("prompt", "a cat")),
        IdempotencyKey.of("test", "order-1")));
    Job job = ((PlaceOrderResult.Placed) placed).jobs().get(0);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get(JobStore.class).find(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(SENDER.sent).anySatisfy(message -> {
        assertThat(message.chatId()).isEqualTo(777);
        assertThat(message.notice().type()).isEqualTo(Notice.Type.JOB_RESULT);
      });
    });
    assertThat(get(GetBalanceUseCase.class).balance(user).available()).isEqualTo(Credits.of(7));
    assertThat(Http.get(process.httpPort(), "/metrics").body())
        .contains("rei_provider_calls_total{call=\"submit\",outcome=\"done\",provider=\"instant\"}");
  }

  @Test
  void givenTheServersAreUp_whenHealthIsAsked_thenEveryCheckIsUp() {
    HttpResponse<String> all = Http.get(process.httpPort(), "/health");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(all.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"db\":{\"status\":\"UP\"},"
        + "\"payments\":{\"status\":\"UP\"},\"providers\":{\"status\":\"UP\",\"providers\":{\"instant\":"
        + "{\"status\":\"UP\",\"keys\":1,\"healthy\":1,\"cooling\":0,\"blocked\":0}}},"
        + "\"redis\":{\"status\":\"UP\"}}}");
    assertThat(Http.get(process.httpPort(), "/health/db").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(Http.get(process.httpPort(), "/health/redis").statusCode()).isEqualTo(200);
    assertThat(Http.get(process.httpPort(), "/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void givenAScrape_whenMetricsAreAsked_thenThePrometheusTextHasRei_andJvmMeters() {
    HttpResponse<String> metrics = Http.get(process.httpPort(), "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE rei_jobs gauge", "rei_jobs{state=\"queued\"}", "rei_jobs{state=\"succeeded\"}")
        .contains("rei_outbox_unsent ", "rei_outbox_lag_seconds ")
        .contains("rei_updates_handled_total 0.0")
        .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
  }

  @Test
  void givenEveryKeyOfAProviderBlocked_whenHealthIsAsked_thenProvidersAndTheWholeAreDown_withCountsNotKeys() {
    KeyHealthStore keyHealth = get(KeyHealthStore.class);
    KeyId only = new KeyId(ProviderName.of("instant"), 0);
    keyHealth.block(only, new KeyBlock(KeyEffect.BLOCK, get(Clock.class).now().plus(Duration.ofHours(24))));
    try {
      HttpResponse<String> providers = Http.get(process.httpPort(), "/health/providers");

      assertThat(providers.statusCode()).isEqualTo(503);
      assertThat(providers.body()).isEqualTo("{\"status\":\"DOWN\",\"error\":\"no usable key (every key blocked or"
          + " cooling down): instant\",\"providers\":{\"instant\":{\"status\":\"DOWN\",\"keys\":1,\"healthy\":0,"
          + "\"cooling\":0,\"blocked\":1}}}");
      HttpResponse<String> all = Http.get(process.httpPort(), "/health");
      assertThat(all.statusCode()).isEqualTo(503);
      assertThat(all.body()).startsWith("{\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"UP\"}");
    } finally {
      keyHealth.clear(only);
    }
    assertThat(Http.get(process.httpPort(), "/health/providers").statusCode()).isEqualTo(200);
  }

  @Test
  void givenSomeActivity_whenMetricsAreAsked_thenEveryBusinessMetricIsThere() {
    UserId user = UserId.of(778);
    get(RegisterUserUseCase.class).register(new RegisterUserCommand(user, Language.RU));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(process.httpPort(), "/metrics").body())
        .contains("# HELP rei_jobs_by_kind Jobs by kind and the state they are in now")
        .contains("rei_jobs_by_kind{kind=\"image_generate\",state=\"succeeded\"}")
        .contains("rei_job_duration_seconds_bucket{kind=\"video_text\",state=\"failed\",le=\"300.0\"}")
        .contains("rei_job_duration_seconds_count{kind=\"image_generate\",state=\"succeeded\"}")
        .contains("rei_provider_errors_total{class=\"billing\",provider=\"instant\"} 0.0")
        .contains("rei_payments{rail=\"yookassa\",status=\"pending\"}")
        .contains("rei_inbox_pending 0.0", "rei_inbox_lag_seconds 0.0", "rei_outbox_lag_seconds ")
        .contains("rei_ledger_system_credits{account=\"bonus\"} -")
        .contains("rei_ledger_users_credits{figure=\"available\"}", "rei_ledger_users_credits{figure=\"held\"}"));
  }

  @Test
  void givenAJobThatFinished_whenDurationsAreRecorded_thenTheTimerCountsItOnce_byKindAndFinalState() {
    UserId user = UserId.of(779);
    get(RegisterUserUseCase.class).register(new RegisterUserCommand(user, Language.RU));
    Instant started = get(Clock.class).now();
    QuoteResult quoted = get(QuoteUseCase.class)
        .quote(new QuoteCommand(user, new PricedItem.ImageGeneration(ImageSize.K1), 1)).result();
    PlaceOrderResult placed = get(PlaceOrderUseCase.class).placeOrder(new PlaceOrderCommand(user,
        ((QuoteResult.Quoted) quoted).quote(), JobParameters.of(Map.of("prompt", "a dog")),
        IdempotencyKey.of("test", "order-durations")));
    Job job = ((PlaceOrderResult.Placed) placed).jobs().get(0);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        get(JobStore.class).find(job.id()).orElseThrow().state() == JobState.SUCCEEDED);
    // A clock a minute ahead: the job's finish has settled, as it will have a minute from now.
    AtomicReference<Instant> now = new AtomicReference<>(started.minusSeconds(60));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JobDurations durations = new JobDurations(get(UnitOfWork.class), get(JobStore.class), now::get, registry);
    now.set(get(Clock.class).now().plusSeconds(60));

    durations.run();
    durations.run();

    Timer timer = registry.get(ReiMeters.JOB_DURATION).tags("kind", "image_generate", "state", "succeeded").timer();
    assertThat(timer.count()).isGreaterThanOrEqualTo(1);
    long before = timer.count();
    now.set(now.get().plusSeconds(60));
    durations.run();
    assertThat(timer.count()).as("a job is recorded once").isEqualTo(before);
    assertThat(registry.get(ReiMeters.JOB_DURATION).tags("kind", "image_generate", "state", "failed").timer().count())
        .isZero();
  }
}
