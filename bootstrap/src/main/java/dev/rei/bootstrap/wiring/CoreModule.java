package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.job.GetGenerationUseCase;
import dev.rei.application.port.in.job.GetGenerationsUseCase;
import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.BanUserUseCase;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.KeyPoolSize;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.admin.UnbanUserUseCase;
import dev.rei.application.port.in.admin.WatchLedgerUseCase;
import dev.rei.application.port.in.admin.WatchOperationsUseCase;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.SweepJobsUseCase;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.OrderStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.account.GetBalanceService;
import dev.rei.application.service.account.GetHistoryService;
import dev.rei.application.service.account.GetTransferService;
import dev.rei.application.service.job.GetGenerationService;
import dev.rei.application.service.job.GetGenerationsService;
import dev.rei.application.service.admin.AdjustBalanceService;
import dev.rei.application.service.admin.BanUserService;
import dev.rei.application.service.admin.GetJobService;
import dev.rei.application.service.admin.GetStatsService;
import dev.rei.application.service.admin.GetUserCardService;
import dev.rei.application.service.admin.LedgerWatch;
import dev.rei.application.service.admin.OperationsWatch;
import dev.rei.application.service.admin.ProviderHealthService;
import dev.rei.application.service.admin.ReconcileLedgerService;
import dev.rei.application.service.admin.RetryJobService;
import dev.rei.application.service.admin.UnbanUserService;
import dev.rei.application.service.job.CancelJobService;
import dev.rei.application.service.job.JobOutcomes;
import dev.rei.application.service.job.ReleaseLeasesService;
import dev.rei.application.service.job.RunNextJobService;
import dev.rei.application.service.job.SweepJobsService;
import dev.rei.application.service.order.PlaceOrderService;
import dev.rei.application.service.order.GetCatalogService;
import dev.rei.application.service.order.QuoteService;
import dev.rei.application.service.outbox.DispatchOutboxService;
import dev.rei.application.service.payment.CheckPaymentService;
import dev.rei.application.service.payment.PaymentGateways;
import dev.rei.application.service.payment.ReconcilePaymentsService;
import dev.rei.application.service.payment.RefundPaymentService;
import dev.rei.application.service.payment.SettlePaymentService;
import dev.rei.application.service.payment.StartTopUpService;
import dev.rei.application.service.user.RegisterUserService;
import dev.rei.bootstrap.config.BotSettings;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.http.MeteredGenerationProvider;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import dev.rei.application.port.in.job.GetLiveJobsUseCase;
import dev.rei.application.port.in.support.AnswerSupportUseCase;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.application.service.job.GetLiveJobsService;
import dev.rei.application.service.support.AnswerSupportService;
import dev.rei.application.service.support.ContactSupportService;

/**
 * The core: every use case bound to its service over the ports the adapter modules bind. Provider
 * and payment modules contribute to the sets of {@link GenerationProvider} and {@link
 * PaymentGateway} (both may be empty: a kind without a provider fails its jobs, a rail without a
 * gateway is not offered); the chat module binds the {@link MessageSender}. Provider modules also
 * contribute a {@link ConfiguredKeyPool} per key pool, for the provider health and the alerts.
 */
public final class CoreModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), GenerationProvider.class);
    Multibinder.newSetBinder(binder(), PaymentGateway.class);
    bind(Clock.class).to(SystemClock.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), ConfiguredKeyPool.class);
  }

  @Provides
  @Singleton
  IdGenerator ids() {
    return UUID::randomUUID;
  }

  @Provides
  @Singleton
  RandomGenerator random() {
    return new ThreadLocalRandomGenerator();
  }

  @Provides
  @Singleton
  Admins admins(BotSettings bot) {
    return new Admins(bot.adminIds().stream().map(UserId::of).collect(Collectors.toSet()));
  }

  @Provides
  @Singleton
  Notifier notifier(Outbox outbox, IdGenerator ids, Clock clock, Admins admins, AlertThrottle throttle,
      CoreSettings core) {
    return new Notifier(outbox, ids, clock, admins, throttle, core.alertWindow());
  }

  @Provides
  @Singleton
  JobOutcomes jobOutcomes(JobStore jobs, LedgerStore ledger, KeyHealthStore keyHealth, CoreSettings core,
      Notifier notifier, Clock clock, IdGenerator ids) {
    return new JobOutcomes(jobs, ledger, keyHealth, core.keyPolicy(), notifier, clock, ids);
  }

  /** Every provider, each counted by call and outcome, in a stable order. */
  @Provides
  @Singleton
  List<GenerationProvider> providers(Set<GenerationProvider> providers, MeterRegistry metrics) {
    return providers.stream()
        .sorted(Comparator.comparing(p -> p.name().value()))
        .<GenerationProvider>map(p -> new MeteredGenerationProvider(p, metrics))
        .toList();
  }

  @Provides
  @Singleton
  PaymentGateways gateways(Set<PaymentGateway> gateways) {
    return new PaymentGateways(gateways);
  }

  @Provides
  @Singleton
  RegisterUserUseCase register(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, Notifier notifier,
      Clock clock, IdGenerator ids, CoreSettings core) {
    return new RegisterUserService(unitOfWork, users, ledger, notifier, clock, ids, core.welcomeBonus());
  }

  @Provides
  @Singleton
  GetBalanceUseCase balance(LedgerStore ledger) {
    return new GetBalanceService(ledger);
  }

  @Provides
  @Singleton
  GetHistoryUseCase history(LedgerStore ledger, Clock clock) {
    return new GetHistoryService(ledger, clock);
  }

  @Provides
  @Singleton
  GetTransferUseCase transfer(LedgerStore ledger) {
    return new GetTransferService(ledger);
  }

  @Provides
  @Singleton
  GetCatalogUseCase catalog(CoreSettings core, List<GenerationProvider> providers, Set<PaymentGateway> gateways) {
    // Packages of a rail with no gateway are not offered: the user could not pay them.
    Set<Rail> rails = gateways.stream().map(PaymentGateway::rail).collect(Collectors.toSet());
    return new GetCatalogService(providers, core.prices(), core.topUps().onlyRails(rails));
  }

  @Provides
  @Singleton
  QuoteUseCase quote(CoreSettings core, LedgerStore ledger, Clock clock) {
    return new QuoteService(core.prices(), ledger, clock);
  }

  @Provides
  @Singleton
  PlaceOrderUseCase placeOrder(UnitOfWork unitOfWork, UserStore users, OrderStore orders, JobStore jobs,
      LedgerStore ledger, Notifier notifier, WorkSignal workSignal, Clock clock, IdGenerator ids, CoreSettings core) {
    return new PlaceOrderService(unitOfWork, users, orders, jobs, ledger, notifier, workSignal, clock, ids,
        core.orderLimits(), core.jobTimings());
  }

  @Provides
  @Singleton
  RunNextJobUseCase runNextJob(UnitOfWork unitOfWork, JobStore jobs, KeyHealthStore keyHealth,
      List<GenerationProvider> providers, JobOutcomes outcomes, Notifier notifier, Clock clock, CoreSettings core,
      RandomGenerator random) {
    return new RunNextJobService(unitOfWork, jobs, keyHealth, providers, outcomes, notifier, clock,
        core.retryPolicy(), core.keyPolicy(), core.jobTimings(), random);
  }

  @Provides
  @Singleton
  CancelJobUseCase cancelJob(UnitOfWork unitOfWork, JobStore jobs, JobOutcomes outcomes, Admins admins, Clock clock,
      AuditLog audit) {
    return new CancelJobService(unitOfWork, jobs, outcomes, admins, clock, audit);
  }

  @Provides
  @Singleton
  ReleaseLeasesUseCase releaseLeases(UnitOfWork unitOfWork, JobStore jobs, JobOutcomes outcomes, WorkSignal workSignal,
      Clock clock, CoreSettings core, RandomGenerator random) {
    return new ReleaseLeasesService(unitOfWork, jobs, outcomes, workSignal, clock, core.retryPolicy(), random);
  }

  @Provides
  @Singleton
  SweepJobsUseCase sweepJobs(UnitOfWork unitOfWork, JobStore jobs, LedgerStore ledger, JobOutcomes outcomes,
      Clock clock, IdGenerator ids, CoreSettings core, RandomGenerator random) {
    return new SweepJobsService(unitOfWork, jobs, ledger, outcomes, clock, ids, core.retryPolicy(), random);
  }

  @Provides
  @Singleton
  SettlePaymentUseCase settlePayment(UnitOfWork unitOfWork, PaymentStore payments, LedgerStore ledger,
      Notifier notifier, Clock clock, IdGenerator ids) {
    return new SettlePaymentService(unitOfWork, payments, ledger, notifier, clock, ids);
  }

  @Provides
  @Singleton
  StartTopUpUseCase startTopUp(UnitOfWork unitOfWork, UserStore users, PaymentStore payments,
      PaymentGateways gateways, CoreSettings core, Clock clock, IdGenerator ids) {
    return new StartTopUpService(unitOfWork, users, payments, gateways, core.topUps(), clock, ids);
  }

  @Provides
  @Singleton
  CheckPaymentUseCase checkPayment(PaymentStore payments, PaymentGateways gateways, SettlePaymentUseCase settle) {
    return new CheckPaymentService(payments, gateways, settle);
  }

  @Provides
  @Singleton
  ReconcilePaymentsUseCase reconcilePayments(UnitOfWork unitOfWork, PaymentStore payments, PaymentGateways gateways,
      SettlePaymentUseCase settle, Notifier notifier, Clock clock, CoreSettings core) {
    return new ReconcilePaymentsService(unitOfWork, payments, gateways, settle, notifier, clock,
        core.paymentMinAge(), core.paymentPendingExpiry());
  }

  @Provides
  @Singleton
  RefundPaymentUseCase refundPayment(UnitOfWork unitOfWork, PaymentStore payments, LedgerStore ledger,
      PaymentGateways gateways, AuditLog audit, Notifier notifier, Admins admins, Clock clock, IdGenerator ids) {
    return new RefundPaymentService(unitOfWork, payments, ledger, gateways, audit, notifier, admins, clock, ids);
  }

  @Provides
  @Singleton
  AdjustBalanceUseCase adjustBalance(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, AuditLog audit,
      Notifier notifier, Admins admins, Clock clock, IdGenerator ids) {
    return new AdjustBalanceService(unitOfWork, users, ledger, audit, notifier, admins, clock, ids);
  }

  @Provides
  @Singleton
  BanUserUseCase banUser(UnitOfWork unitOfWork, UserStore users, AuditLog audit, Notifier notifier, Admins admins,
      Clock clock) {
    return new BanUserService(unitOfWork, users, audit, notifier, admins, clock);
  }

  @Provides
  @Singleton
  UnbanUserUseCase unbanUser(UnitOfWork unitOfWork, UserStore users, AuditLog audit, Notifier notifier, Admins admins,
      Clock clock) {
    return new UnbanUserService(unitOfWork, users, audit, notifier, admins, clock);
  }

  @Provides
  @Singleton
  GetStatsUseCase stats(UnitOfWork unitOfWork, UserStore users, JobStore jobs, LedgerStore ledger,
      PaymentStore payments, Outbox outbox, Admins admins, Clock clock, GetProviderHealthUseCase providers) {
    return new GetStatsService(unitOfWork, users, jobs, ledger, payments, outbox, admins, clock, providers);
  }

  @Provides
  @Singleton
  ReconcileLedgerUseCase reconcileLedger(UnitOfWork unitOfWork, LedgerStore ledger, Notifier notifier,
      Admins admins) {
    return new ReconcileLedgerService(unitOfWork, ledger, notifier, admins);
  }

  @Provides
  @Singleton
  DispatchOutboxUseCase dispatchOutbox(UnitOfWork unitOfWork, Outbox outbox, MessageSender sender, Clock clock) {
    return new DispatchOutboxService(unitOfWork, outbox, sender, clock);
  }

  /**
   * The key pools to watch, as the provider modules configured them (a provider's, or a helper
   * service's such as the Reels script writer's OpenAI keys); a pool with no key in this process is
   * left out. Read from the configuration, so health and alerts never build a provider.
   */
  @Provides
  @Singleton
  List<KeyPoolSize> keyPools(Set<ConfiguredKeyPool> pools) {
    return pools.stream().filter(pool -> pool.keys() > 0)
        .map(pool -> new KeyPoolSize(pool.provider(), pool.keys()))
        .sorted(Comparator.comparing(pool -> pool.provider().value()))
        .toList();
  }

  @Provides
  @Singleton
  GetUserCardUseCase userCard(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, JobStore jobs,
      PaymentStore payments, AuditLog audit, Admins admins) {
    return new GetUserCardService(unitOfWork, users, ledger, jobs, payments, audit, admins);
  }

  @Provides
  @Singleton
  ContactSupportUseCase contactSupport(UnitOfWork unitOfWork, UserStore users, Notifier notifier, Admins admins,
      BotSettings bot) {
    return new ContactSupportService(unitOfWork, users, notifier, admins, bot.supportChatId());
  }

  @Provides
  @Singleton
  GetJobUseCase getJob(JobStore jobs, Admins admins) {
    return new GetJobService(jobs, admins);
  }

  @Provides
  @Singleton
  GetGenerationsUseCase generations(JobStore jobs, Clock clock) {
    return new GetGenerationsService(jobs, clock);
  }

  @Provides
  @Singleton
  AnswerSupportUseCase answerSupport(UnitOfWork unitOfWork, UserStore users, Notifier notifier, Admins admins) {
    return new AnswerSupportService(unitOfWork, users, notifier, admins);
  }

  @Provides
  @Singleton
  GetProviderHealthUseCase providerHealth(List<KeyPoolSize> pools, KeyHealthStore keyHealth, Clock clock) {
    return new ProviderHealthService(pools, keyHealth, clock);
  }

  @Provides
  @Singleton
  WatchOperationsUseCase watchOperations(UnitOfWork unitOfWork, JobStore jobs, GetProviderHealthUseCase providers,
      Notifier notifier, Clock clock, CoreSettings core) {
    return new OperationsWatch(unitOfWork, jobs, providers, notifier, clock, core.operations());
  }

  @Provides
  @Singleton
  WatchLedgerUseCase watchLedger(UnitOfWork unitOfWork, LedgerStore ledger, Notifier notifier) {
    return new LedgerWatch(unitOfWork, ledger, notifier);
  }

  @Provides
  @Singleton
  GetGenerationUseCase generation(JobStore jobs) {
    return new GetGenerationService(jobs);
  }

  @Provides
  @Singleton
  GetLiveJobsUseCase liveJobs(UnitOfWork unitOfWork, JobStore jobs) {
    return new GetLiveJobsService(unitOfWork, jobs);
  }

  @Provides
  @Singleton
  RetryJobUseCase retryJob(UnitOfWork unitOfWork, UserStore users, JobStore jobs, OrderStore orders, LedgerStore ledger,
      AuditLog audit, Notifier notifier, WorkSignal workSignal, Admins admins, Clock clock, IdGenerator ids,
      CoreSettings core) {
    return new RetryJobService(unitOfWork, users, jobs, orders, ledger, audit, notifier, workSignal, admins, clock, ids,
        core.jobTimings());
  }
}
