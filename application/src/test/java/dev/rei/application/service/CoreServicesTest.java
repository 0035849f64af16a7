package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.in.job.SweepJobsUseCase.SweepReport;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.Registration;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ResultRef;
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
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The user, order and job services on in-memory fakes, end to end through their ports. */
class CoreServicesTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final UserId BOB = UserId.of(1002);
  private static final WorkerId WORKER = new WorkerId("worker-1");
  private static final PricedItem REELS = new PricedItem.ReelsVideo();

  private final InMemoryCore core = new InMemoryCore();

  private Registration register(UserId user) {
    return core.register.register(new RegisterUserCommand(user, Language.RU));
  }

  private void topUp(UserId user, long credits) {
    TransferResult result = core.ledger.apply(new TransferRequest.Post(IdempotencyKey.of("test-top-up", core.ids.newId()),
        SystemAccount.SALES, AccountId.user(user), Credits.of(credits), TransferKind.TOP_UP,
        TransferMemo.of(ReferenceType.PAYMENT, "test")), TransferId.of(core.ids.newId()), core.clock.now());
    assertThat(result).isInstanceOf(TransferResult.Recorded.class);
  }

  private Quote quote(PricedItem item, int count) {
    QuoteResult result = core.quotes.quote(new QuoteCommand(ALICE, item, count)).result();
    return ((QuoteResult.Quoted) result).quote();
  }

  private PlaceOrderResult order(UserId user, Quote quote, String key) {
    return core.placeOrder.placeOrder(new PlaceOrderCommand(user, quote, JobParameters.of(Map.of("prompt", "a cat")),
        IdempotencyKey.of(key)));
  }

  private Job onlyJob(PlaceOrderResult result) {
    return ((PlaceOrderResult.Placed) result).jobs().get(0);
  }

  private List<Notice.Type> noticesTo(UserId user) {
    return core.outbox.all().stream().filter(m -> m.chatId() == user.value()).map(OutboxMessage::notice)
        .map(Notice::type).toList();
  }

  @Nested
  class Registering {

    @Test
    void givenNewUser_register_opensAccountWithWelcomeBonusAndGreets() {
      Registration registration = register(ALICE);

      assertThat(registration.isNew()).isTrue();
      assertThat(registration.balance().available()).isEqualTo(Credits.of(2));
      assertThat(noticesTo(ALICE)).containsExactly(Notice.Type.WELCOME);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenRegisteredUser_registerAgain_changesNothing() {
      register(ALICE);
      core.clock.advance(Duration.ofDays(1));

      Registration again = core.register.register(new RegisterUserCommand(ALICE, Language.EN));

      assertThat(again.isNew()).isFalse();
      assertThat(again.user().language()).isEqualTo(Language.RU);
      assertThat(again.balance().posted()).isEqualTo(Credits.of(2));
      assertThat(noticesTo(ALICE)).containsExactly(Notice.Type.WELCOME);
    }

    @Test
    void givenManyConcurrentRegistrations_register_givesOneUserOneBonus() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Registration>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> register(ALICE)));
      }
      int fresh = 0;
      for (Future<Registration> result : results) {
        fresh += result.get().isNew() ? 1 : 0;
      }
      pool.shutdown();

      assertThat(fresh).isEqualTo(1);
      assertThat(core.balance.balance(ALICE).posted()).isEqualTo(Credits.of(2));
      assertThat(core.audit()).isEmpty();
    }
  }

  @Nested
  class PlacingOrders {

    @Test
    void givenEnoughCredits_placeOrder_holdsEachItemAndQueuesAJobPerItem() {
      register(ALICE);
      topUp(ALICE, 3);

      PlaceOrderResult result = order(ALICE, quote(REELS, 3), "press-1");

      PlaceOrderResult.Placed placed = (PlaceOrderResult.Placed) result;
      assertThat(placed.replayed()).isFalse();
      assertThat(placed.jobs()).hasSize(3).allMatch(job -> job.state() == JobState.QUEUED);
      assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.of(3), Credits.of(2)));
      assertThat(noticesTo(ALICE)).containsExactly(Notice.Type.WELCOME, Notice.Type.ORDER_PLACED);
      assertThat(core.workSignal.signals()).isEqualTo(1);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenSameKeyTwice_placeOrder_returnsTheFirstOrderAndHoldsOnce() {
      register(ALICE);
      Quote quote = quote(REELS, 1);
      PlaceOrderResult first = order(ALICE, quote, "press-1");

      PlaceOrderResult second = order(ALICE, quote, "press-1");

      assertThat(((PlaceOrderResult.Placed) second).replayed()).isTrue();
      assertThat(((PlaceOrderResult.Placed) second).order()).isEqualTo(((PlaceOrderResult.Placed) first).order());
      assertThat(core.balance.balance(ALICE).held()).isEqualTo(Credits.of(1));
    }

    @Test
    void givenKeyOfAnotherUsersOrder_placeOrder_isRefused() {
      UserId bob = UserId.of(1002);
      register(ALICE);
      register(bob);
      order(ALICE, quote(REELS, 1), "press-1");

      assertThat(order(bob, quote(REELS, 1), "press-1"))
          .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.KEY_USED_FOR_ANOTHER_ORDER));
      assertThat(core.balance.balance(bob).held()).isEqualTo(Credits.ZERO);
    }

    @Test
    void givenCreditsForTwoOfThree_placeOrder_placesNothingAtAll() {
      register(ALICE);

      PlaceOrderResult result = order(ALICE, quote(REELS, 3), "press-1");

      assertThat(result).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.INSUFFICIENT_FUNDS));
      assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.ZERO, Credits.of(2)));
      assertThat(core.jobs.liveOf(ALICE)).isEmpty();
      assertThat(core.orders.findByKey(IdempotencyKey.of("press-1"))).isEmpty();
      assertThat(noticesTo(ALICE)).containsExactly(Notice.Type.WELCOME);
      assertThat(core.ledger.transfers()).hasSize(1);
    }

    @Test
    void givenUnknownUserOrBannedUser_placeOrder_isRefused() {
      assertThat(order(ALICE, quote(REELS, 1), "press-1"))
          .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.UNKNOWN_USER));
      register(ALICE);
      core.users.update(core.users.find(ALICE).orElseThrow().ban(core.clock.now()));

      assertThat(order(ALICE, quote(REELS, 1), "press-2")).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.BANNED));
    }

    @Test
    void givenExpiredQuote_placeOrder_isRefused() {
      register(ALICE);
      Quote quote = quote(REELS, 1);
      core.clock.set(quote.validUntil());

      assertThat(order(ALICE, quote, "press-1")).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.QUOTE_EXPIRED));
    }

    @Test
    void givenThreeActiveOrders_aFourth_isRefusedButAFiveItemOrderCountsOnce() {
      register(ALICE);
      topUp(ALICE, 20);

      assertThat(order(ALICE, quote(REELS, 5), "press-1")).isInstanceOf(PlaceOrderResult.Placed.class);
      assertThat(order(ALICE, quote(REELS, 1), "press-2")).isInstanceOf(PlaceOrderResult.Placed.class);
      assertThat(order(ALICE, quote(REELS, 1), "press-3")).isInstanceOf(PlaceOrderResult.Placed.class);
      assertThat(order(ALICE, quote(REELS, 1), "press-4"))
          .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.TOO_MANY_ACTIVE_ORDERS));
    }

    @Test
    void givenHourlyCap_anOrderOverIt_isRefusedUntilTheHourPasses() {
      InMemoryCore capped = new InMemoryCore(new OrderLimits(10, Credits.of(3)), Credits.of(10));
      capped.register.register(new RegisterUserCommand(ALICE, Language.RU));
      Quote two = ((QuoteResult.Quoted) capped.quotes.quote(new QuoteCommand(ALICE, REELS, 2)).result()).quote();
      capped.placeOrder.placeOrder(new PlaceOrderCommand(ALICE, two, JobParameters.NONE, IdempotencyKey.of("p1")));

      Quote again = ((QuoteResult.Quoted) capped.quotes.quote(new QuoteCommand(ALICE, REELS, 2)).result()).quote();
      assertThat(capped.placeOrder.placeOrder(new PlaceOrderCommand(ALICE, again, JobParameters.NONE,
          IdempotencyKey.of("p2")))).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.HOURLY_SPEND_CAP));
    }

    @Test
    void givenSixteenThreadsOrderingForFourUsers_balancesNeverGoNegative() throws Exception {
      InMemoryCore wide = new InMemoryCore(new OrderLimits(1_000, Credits.of(1_000_000)), Credits.of(7));
      List<UserId> users = List.of(UserId.of(1), UserId.of(2), UserId.of(3), UserId.of(4));
      users.forEach(u -> wide.register.register(new RegisterUserCommand(u, Language.RU)));
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<PlaceOrderResult>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          UserId user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
          int count = 1 + ThreadLocalRandom.current().nextInt(3);
          Quote quote = ((QuoteResult.Quoted) wide.quotes.quote(new QuoteCommand(user, REELS, count)).result()).quote();
          return wide.placeOrder.placeOrder(new PlaceOrderCommand(user, quote, JobParameters.NONE,
              IdempotencyKey.of("press", n % 300)));
        }));
      }
      for (Future<PlaceOrderResult> result : results) {
        result.get();
      }
      pool.shutdown();

      for (UserId user : users) {
        UserBalance balance = wide.balance.balance(user);
        assertThat(balance.available().value()).isGreaterThanOrEqualTo(0);
        long live = wide.jobs.liveOf(user).stream().mapToLong(job -> job.price().value()).sum();
        assertThat(balance.held().value()).isEqualTo(live);
      }
      assertThat(wide.audit()).isEmpty();
    }
  }

  @Nested
  class RunningJobs {

    private Job placeOne() {
      register(ALICE);
      return onlyJob(order(ALICE, quote(REELS, 1), "press-1"));
    }

    @Test
    void givenNoDueJob_runNext_isIdle() {
      assertThat(core.runNext.runNext(WORKER)).isInstanceOf(WorkResult.Idle.class);
    }

    @Test
    void givenImmediateResult_runNext_capturesOnceAndDeliversThroughTheOutbox() {
      Job job = placeOne();

      WorkResult result = core.runNext.runNext(WORKER);

      assertThat(result).isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.SUCCEEDED));
      assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(1), Credits.ZERO, Credits.of(1)));
      assertThat(noticesTo(ALICE)).endsWith(Notice.Type.JOB_RESULT);
      assertThat(core.runNext.runNext(WORKER)).isInstanceOf(WorkResult.Idle.class);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenPendingTask_runNext_waitsWithoutAThreadThenPollsToSuccess() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(10), Duration.ofSeconds(30)));
      core.provider.onPoll(task -> new Outcome.Done(new ResultRef("results/" + task.taskId())));

      assertThat(core.runNext.runNext(WORKER))
          .isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.AWAITING_PROVIDER));
      assertThat(core.runNext.runNext(WORKER)).isInstanceOf(WorkResult.Idle.class);
      core.clock.advance(Duration.ofSeconds(30));

      assertThat(core.runNext.runNext(WORKER))
          .isEqualTo(new WorkResult.Worked(job.id(), JobState.AWAITING_PROVIDER, JobState.SUCCEEDED));
      assertThat(core.provider.calls()).hasSize(2).last().asString().startsWith("poll task-1");
      assertThat(core.balance.balance(ALICE).held()).isEqualTo(Credits.ZERO);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenRateLimitOnce_runNext_coolsTheKeyRetriesAfterBackoffAndSucceedsWithTheOtherKey() {
      Job job = placeOne();
      List<KeyId> used = new ArrayList<>();
      core.provider.onSubmit((j, key) -> {
        used.add(key);
        return used.size() == 1
            ? new Outcome.Failed(Failure.of(FailureClass.RATE_LIMIT, "429"))
            : new Outcome.Done(new ResultRef("results/ok"));
      });

      assertThat(core.runNext.runNext(WORKER)).isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.QUEUED));
      assertThat(core.keyHealth.health(List.of(used.get(0))).get(0).block()).get()
          .extracting(b -> b.cause()).isEqualTo(KeyEffect.COOL_DOWN);
      assertThat(core.runNext.runNext(WORKER)).isInstanceOf(WorkResult.Idle.class);
      core.clock.advance(Duration.ofSeconds(75));

      assertThat(core.runNext.runNext(WORKER)).isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.SUCCEEDED));
      assertThat(used.get(1)).isNotEqualTo(used.get(0));
      assertThat(noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RETRYING, Notice.Type.JOB_FAILED);
      assertThat(core.balance.balance(ALICE).posted()).isEqualTo(Credits.of(1));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenUserViolation_runNext_failsAtOnceAndReturnsTheCredits() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> new Outcome.Failed(Failure.of(FailureClass.USER_VIOLATION, "policy")));

      assertThat(core.runNext.runNext(WORKER)).isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.FAILED));
      assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.ZERO, Credits.of(2)));
      assertThat(noticesTo(ALICE)).endsWith(Notice.Type.JOB_FAILED);
      assertThat(core.outbox.all().get(core.outbox.all().size() - 1).notice().value("failureClass"))
          .isEqualTo("USER_VIOLATION");
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenBilling_runNext_blocksTheKeyAndAlertsAdmins() {
      placeOne();
      core.provider.onSubmit((j, key) -> new Outcome.Failed(Failure.of(FailureClass.BILLING, "no money")));

      core.runNext.runNext(WORKER);

      assertThat(core.keyHealth.health(List.of(new KeyId(core.provider.name(), 0))).get(0).block()).get()
          .extracting(b -> b.cause()).isEqualTo(KeyEffect.BLOCK);
      assertThat(noticesTo(InMemoryCore.ADMIN)).containsExactly(Notice.Type.ADMIN_ALERT);
      assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    }

    @Test
    void givenTemporaryFailures_runNext_tellsTheUserOnceThenReturnsCreditsAfterTheLastAttempt() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> new Outcome.Failed(Failure.of(FailureClass.TEMPORARY, "503")));

      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThat(core.runNext.runNext(WORKER)).isInstanceOf(WorkResult.Worked.class);
        core.clock.advance(Duration.ofMinutes(2));
      }

      assertThat(core.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
      assertThat(noticesTo(ALICE).stream().filter(t -> t == Notice.Type.JOB_RETRYING)).hasSize(1);
      assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenJobCancelledWhileTheProviderWorks_theLateResult_isDiscardedAndNeverCharged() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> {
        // The user cancels while the call is in flight.
        assertThat(core.cancel.cancel(new CancelJobCommand(j.id(), ALICE, CancelledBy.USER)))
            .isInstanceOf(CancelResult.Cancelled.class);
        return new Outcome.Done(new ResultRef("results/late"));
      });

      WorkResult result = core.runNext.runNext(WORKER);

      assertThat(result).isEqualTo(new WorkResult.Worked(job.id(), JobState.RUNNING, JobState.CANCELLED));
      assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.ZERO, Credits.of(2)));
      assertThat(noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RESULT).endsWith(Notice.Type.JOB_CANCELLED);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenStaleWorker_itsOutcome_isDiscardedAfterTheSweeperRescuedTheJob() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> {
        // This worker stalls past its lease; the sweeper hands the job to someone else meanwhile.
        core.clock.advance(core.timings.lease().plusSeconds(1));
        assertThat(core.sweep.sweep().rescued()).isEqualTo(1);
        return new Outcome.Done(new ResultRef("results/stale"));
      });

      core.runNext.runNext(WORKER);

      Job after = core.jobs.find(job.id()).orElseThrow();
      assertThat(after.state()).isEqualTo(JobState.QUEUED);
      assertThat(core.balance.balance(ALICE).held()).isEqualTo(Credits.of(1));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenProviderThatThrows_runNext_treatsItAsATemporaryFailure() {
      Job job = placeOne();
      core.provider.onSubmit((j, key) -> {
        throw new IllegalStateException("connection reset");
      });

      core.runNext.runNext(WORKER);

      Job after = core.jobs.find(job.id()).orElseThrow();
      assertThat(after.state()).isEqualTo(JobState.QUEUED);
      assertThat(after.lastFailure()).get().extracting(Failure::failureClass).isEqualTo(FailureClass.TEMPORARY);
    }
  }

  @Nested
  class CancellingAndSweeping {

    @Test
    void givenQueuedJob_ownerCancels_creditsComeBack_othersAreRefused() {
      register(ALICE);
      Job job = onlyJob(order(ALICE, quote(REELS, 1), "press-1"));

      assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), UserId.of(2), CancelledBy.USER)))
          .isEqualTo(new CancelResult.Refused(CancelResult.Reason.NOT_YOURS));
      assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.ADMIN)))
          .isEqualTo(new CancelResult.Refused(CancelResult.Reason.NOT_YOURS));
      assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER)))
          .isInstanceOf(CancelResult.Cancelled.class);
      assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER)))
          .isEqualTo(new CancelResult.Refused(CancelResult.Reason.NOT_CANCELLABLE));
      assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenAdmin_cancelsAnyJob() {
      register(ALICE);
      Job job = onlyJob(order(ALICE, quote(REELS, 1), "press-1"));

      assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), InMemoryCore.ADMIN, CancelledBy.ADMIN)))
          .isInstanceOf(CancelResult.Cancelled.class);
    }

    @Test
    void givenJobPastItsDeadline_sweep_expiresItAndReturnsTheCredits() {
      register(ALICE);
      Job job = onlyJob(order(ALICE, quote(REELS, 1), "press-1"));
      core.clock.advance(core.timings.deadline());

      SweepReport report = core.sweep.sweep();

      assertThat(report).isEqualTo(new SweepReport(1, 0, 0));
      assertThat(core.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.EXPIRED);
      assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
      assertThat(noticesTo(ALICE)).endsWith(Notice.Type.JOB_EXPIRED);
      // The hold's own expiry comes later and finds nothing left to release.
      core.clock.advance(core.timings.holdMargin());
      assertThat(core.sweep.sweep()).isEqualTo(new SweepReport(0, 0, 0));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenOneJobThatCannotExpire_sweep_expiresTheOthers_andNamesTheBrokenOne() {
      register(ALICE);
      register(BOB);
      Job broken = onlyJob(order(ALICE, quote(REELS, 1), "press-1"));
      Job fine = onlyJob(order(BOB, quote(REELS, 1), "press-2"));
      // Corrupt the broken job's hold behind the core's back: its release on expiry is then refused.
      core.ledger.apply(new TransferRequest.Capture(IdempotencyKey.of("corrupt"), broken.holdId(), broken.price()),
          TransferId.of(core.ids.newId()), core.clock.now());
      core.clock.advance(core.timings.deadline());

      SweepReport report = core.sweep.sweep();

      assertThat(report.expired()).isEqualTo(1);
      assertThat(report.failures()).singleElement().asString().startsWith(broken.id().toString());
      assertThat(core.jobs.find(fine.id()).orElseThrow().state()).isEqualTo(JobState.EXPIRED);
      assertThat(core.jobs.find(broken.id()).orElseThrow().state()).isNotEqualTo(JobState.EXPIRED);
      assertThat(core.sweep.sweep().failures()).hasSize(1);
    }

    @Test
    void givenOrphanHoldPastItsExpiry_sweep_releasesIt() {
      register(ALICE);
      TransferResult hold = core.ledger.apply(new TransferRequest.Hold(IdempotencyKey.of("orphan"), AccountId.user(ALICE),
          SystemAccount.REVENUE, Credits.of(1), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, "gone"),
          java.util.Optional.of(core.clock.now().plusSeconds(60))), TransferId.of(core.ids.newId()), core.clock.now());
      assertThat(hold).isInstanceOf(TransferResult.Recorded.class);
      core.clock.advance(Duration.ofSeconds(60));

      assertThat(core.sweep.sweep()).isEqualTo(new SweepReport(0, 0, 1));
      assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
      assertThat(core.audit()).isEmpty();
    }
  }

  @Test
  void givenBannedFlag_userStore_keepsIt() {
    register(ALICE);
    User banned = core.users.find(ALICE).orElseThrow().ban(core.clock.now());
    core.users.update(banned);
    assertThat(core.users.find(ALICE)).contains(banned);
  }
}
