package dev.rei.application.fakes;

import dev.rei.application.port.in.admin.KeyPoolSize;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.account.GetBalanceService;
import dev.rei.application.service.account.GetHistoryService;
import dev.rei.application.service.account.GetTransferService;
import dev.rei.application.service.admin.AdjustBalanceService;
import dev.rei.application.service.admin.BanUserService;
import dev.rei.application.service.admin.GetJobService;
import dev.rei.application.service.admin.GetStatsService;
import dev.rei.application.service.admin.GetUserCardService;
import dev.rei.application.service.admin.LedgerWatch;
import dev.rei.application.service.admin.OperationsThresholds;
import dev.rei.application.service.admin.OperationsWatch;
import dev.rei.application.service.admin.ProviderHealthService;
import dev.rei.application.service.admin.ReconcileLedgerService;
import dev.rei.application.service.admin.RetryJobService;
import dev.rei.application.service.admin.UnbanUserService;
import dev.rei.application.service.job.CancelJobService;
import dev.rei.application.service.job.GetGenerationService;
import dev.rei.application.service.job.GetGenerationsService;
import dev.rei.application.service.job.GetLiveJobsService;
import dev.rei.application.service.job.JobOutcomes;
import dev.rei.application.service.job.JobTimings;
import dev.rei.application.service.job.ReleaseLeasesService;
import dev.rei.application.service.job.RunNextJobService;
import dev.rei.application.service.job.SweepJobsService;
import dev.rei.application.service.order.GetCatalogService;
import dev.rei.application.service.order.PlaceOrderService;
import dev.rei.application.service.order.QuoteService;
import dev.rei.application.service.outbox.DispatchOutboxService;
import dev.rei.application.service.payment.CheckPaymentService;
import dev.rei.application.service.payment.PaymentGateways;
import dev.rei.application.service.payment.ReconcilePaymentsService;
import dev.rei.application.service.payment.RefundPaymentService;
import dev.rei.application.service.payment.SettlePaymentService;
import dev.rei.application.service.payment.StartTopUpService;
import dev.rei.application.service.support.AnswerSupportService;
import dev.rei.application.service.support.ContactSupportService;
import dev.rei.application.service.user.RegisterUserService;
import dev.rei.domain.fixtures.PricingFixtures;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.provider.KeyPoolPolicy;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The whole core on in-memory fakes, wired as bootstrap would wire it: for service tests here and
 * for embedders' tests. Every field is public so a test can reach in.
 */
public final class InMemoryCore {

  public static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
  public static final UserId ADMIN = UserId.of(900);

  public final InMemoryDatabase db = new InMemoryDatabase();
  public final InMemoryUserStore users = new InMemoryUserStore(db);
  public final InMemoryLedgerStore ledger = new InMemoryLedgerStore(db);
  public final InMemoryOrderStore orders = new InMemoryOrderStore(db);
  public final InMemoryJobStore jobs = new InMemoryJobStore(db);
  public final InMemoryOutbox outbox = new InMemoryOutbox(db);
  public final InMemoryPaymentStore payments = new InMemoryPaymentStore(db);
  public final InMemoryAuditLog auditLog = new InMemoryAuditLog(db);
  public final FakePaymentGateway yookassa = new FakePaymentGateway(Rail.YOOKASSA);
  public final FakePaymentGateway stars = new FakePaymentGateway(Rail.TELEGRAM_STARS);
  public final RecordingMessageSender sender = new RecordingMessageSender();
  public final InMemoryKeyHealthStore keyHealth = new InMemoryKeyHealthStore();
  public final ManualWorkSignal workSignal = new ManualWorkSignal(db);
  public final MutableClock clock = new MutableClock(START);
  public final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(RateLimitPolicy.DEFAULT);
  public final InMemoryLockManager lockManager = new InMemoryLockManager(clock);
  public final SequentialIdGenerator ids = new SequentialIdGenerator();
  public final Admins admins = new Admins(Set.of(ADMIN));
  public final InMemoryAlertThrottle alertThrottle = new InMemoryAlertThrottle(db);
  public final Notifier notifier = new Notifier(outbox, ids, clock, admins, alertThrottle, Duration.ofHours(1));
  public final ScriptedGenerationProvider provider =
      new ScriptedGenerationProvider(ProviderName.of("sim"), EnumSet.allOf(JobKind.class), 2);
  public final JobTimings timings = JobTimings.DEFAULT;
  public final RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  public final KeyPoolPolicy keyPolicy = KeyPoolPolicy.DEFAULT;
  public final OrderLimits limits;
  public final Credits welcomeBonus;

  public final RegisterUserService register;
  public final GetBalanceService balance;
  public final GetHistoryService history;
  public final GetTransferService transfer;
  public final QuoteService quotes;
  public final GetCatalogService catalog;
  public final PlaceOrderService placeOrder;
  public final JobOutcomes outcomes;
  public final RunNextJobService runNext;
  public final CancelJobService cancel;
  public final SweepJobsService sweep;
  public final ReleaseLeasesService releaseLeases;
  public final SettlePaymentService settle;
  public final StartTopUpService startTopUp;
  public final CheckPaymentService checkPayment;
  public final ReconcilePaymentsService reconcilePayments;
  public final AdjustBalanceService adjust;
  public final ReconcileLedgerService reconcileLedger;
  public final DispatchOutboxService dispatch;
  public final RefundPaymentService refund;
  public final BanUserService ban;
  public final UnbanUserService unban;
  public final GetStatsService stats;
  public final InMemoryInboundUpdates inbox = new InMemoryInboundUpdates();
  public final InMemoryChatStateStore chatState = new InMemoryChatStateStore();
  public final InMemoryMediaStore media = new InMemoryMediaStore();
  /** The pools the operations watch and the provider health read: the scripted provider's two keys. */
  public final List<KeyPoolSize> keyPools =
      List.of(new KeyPoolSize(ProviderName.of("sim"), 2));
  public final ProviderHealthService providerHealth;
  public final OperationsWatch operationsWatch;
  public final LedgerWatch ledgerWatch;
  public final GetGenerationsService generations;
  public final GetGenerationService generation;
  public final ContactSupportService contactSupport;
  public final AnswerSupportService answerSupport;
  public final GetLiveJobsService liveJobs;
  public final GetUserCardService userCard;
  public final GetJobService getJob;
  public final RetryJobService retryJob;

  public InMemoryCore() {
    this(OrderLimits.DEFAULT, Credits.of(2));
  }

  public InMemoryCore(OrderLimits limits, Credits welcomeBonus) {
    this.limits = limits;
    this.welcomeBonus = welcomeBonus;
    register = new RegisterUserService(db, users, ledger, notifier, clock, ids, welcomeBonus);
    balance = new GetBalanceService(ledger);
    history = new GetHistoryService(ledger, clock);
    transfer = new GetTransferService(ledger);
    quotes = new QuoteService(PricingFixtures.samplePriceList(), ledger, clock);
    catalog = new GetCatalogService(List.of(provider), PricingFixtures.samplePriceList(),
        PricingFixtures.sampleTopUpCatalog());
    placeOrder = new PlaceOrderService(db, users, orders, jobs, ledger, notifier, workSignal, clock, ids, limits,
        timings);
    outcomes = new JobOutcomes(jobs, ledger, keyHealth, keyPolicy, notifier, clock, ids);
    runNext = new RunNextJobService(db, jobs, keyHealth, List.<GenerationProvider>of(provider), outcomes, notifier,
        clock, retryPolicy, keyPolicy, timings, new SplittableRandom(7));
    cancel = new CancelJobService(db, jobs, outcomes, admins, clock, auditLog);
    sweep = new SweepJobsService(db, jobs, ledger, outcomes, clock, ids, retryPolicy, new SplittableRandom(11));
    releaseLeases = new ReleaseLeasesService(db, jobs, outcomes, workSignal, clock, retryPolicy, new SplittableRandom(13));
    PaymentGateways gateways = new PaymentGateways(List.of(yookassa, stars));
    settle = new SettlePaymentService(db, payments, ledger, notifier, clock, ids);
    startTopUp = new StartTopUpService(db, users, payments, gateways, PricingFixtures.sampleTopUpCatalog(), clock, ids);
    checkPayment = new CheckPaymentService(payments, gateways, settle);
    reconcilePayments = new ReconcilePaymentsService(db, payments, gateways, settle, notifier, clock,
        Duration.ofMinutes(2), Duration.ofHours(24));
    adjust = new AdjustBalanceService(db, users, ledger, auditLog, notifier, admins, clock, ids);
    reconcileLedger = new ReconcileLedgerService(db, ledger, notifier, admins);
    dispatch = new DispatchOutboxService(db, outbox, sender, clock);
    refund = new RefundPaymentService(db, payments, ledger, gateways, auditLog, notifier, admins, clock, ids);
    ban = new BanUserService(db, users, auditLog, notifier, admins, clock);
    unban = new UnbanUserService(db, users, auditLog, notifier, admins, clock);
    providerHealth = new ProviderHealthService(keyPools, keyHealth, clock);
    stats = new GetStatsService(db, users, jobs, ledger, payments, outbox, admins, clock, providerHealth);
    operationsWatch = new OperationsWatch(db, jobs, providerHealth, notifier, clock,
        OperationsThresholds.DEFAULT);
    ledgerWatch = new LedgerWatch(db, ledger, notifier);
    generations = new GetGenerationsService(jobs, clock);
    generation = new GetGenerationService(jobs);
    contactSupport = new ContactSupportService(db, users, notifier, admins, Optional.empty());
    answerSupport = new AnswerSupportService(db, users, notifier, admins);
    liveJobs = new GetLiveJobsService(db, jobs);
    userCard = new GetUserCardService(db, users, ledger, jobs, payments, auditLog, admins);
    getJob = new GetJobService(jobs, admins);
    retryJob = new RetryJobService(db, users, jobs, orders, ledger, auditLog, notifier, workSignal, admins, clock, ids,
        timings);
  }

  /** Every ledger invariant, checked over the stored balances and transfers. */
  public List<LedgerViolation> audit() {
    return db.inTransaction(() -> LedgerAudit.check(ledger.balances(), ledger.transfers()));
  }
}
