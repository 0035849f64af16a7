package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.in.job.SweepJobsUseCase.SweepReport;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.service.job.SweepJobsService;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Running, failing, cancelling and sweeping jobs: the paths CoreServicesTest leaves out. */
class JobPathsTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final WorkerId WORKER = new WorkerId("worker-1");

  private final InMemoryCore core = new InMemoryCore();
  private final Scenarios given = new Scenarios(core);
  private final KeyId key0 = new KeyId(core.provider.name(), 0);
  private final KeyId key1 = new KeyId(core.provider.name(), 1);

  private Job placeOne() {
    given.register(ALICE);
    return given.placed(ALICE, 1, "press-1").get(0);
  }

  private WorkResult runNext() {
    return core.runNext.runNext(WORKER);
  }

  private WorkResult.Worked worked(Job job, JobState from, JobState to) {
    return new WorkResult.Worked(job.id(), from, to);
  }

  private Optional<KeyBlock> blockOf(KeyId key) {
    return core.keyHealth.health(List.of(key)).get(0).block();
  }

  private List<OutboxMessage> alerts() {
    return given.messagesTo(InMemoryCore.ADMIN);
  }

  private static Outcome failed(FailureClass failureClass) {
    return new Outcome.Failed(Failure.of(failureClass, failureClass.name().toLowerCase()));
  }

  private static Outcome done(String result) {
    return new Outcome.Done(new ResultRef(result));
  }

  /** Moves the clock to when the job's retry is due. */
  private Instant untilRetry(Job job) {
    Instant at = given.job(job).nextAttemptAt().orElseThrow();
    core.clock.set(at);
    return at;
  }

  @Test
  void givenTemporaryFailureOnce_runNext_retriesAfterTheBackoffAndSucceeds() {
    Job job = placeOne();
    AtomicInteger calls = new AtomicInteger();
    core.provider.onSubmit((j, key) -> calls.incrementAndGet() == 1 ? failed(FailureClass.TEMPORARY) : done("r/ok"));
    Instant failedAt = core.clock.now();

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.QUEUED));

    // Ten seconds, give or take the policy's 20 % of jitter.
    Instant retryAt = given.job(job).nextAttemptAt().orElseThrow();
    assertThat(retryAt).isBetween(failedAt.plusSeconds(8), failedAt.plusSeconds(12));
    core.clock.set(retryAt.minusMillis(1));
    assertThat(runNext()).isInstanceOf(WorkResult.Idle.class);
    core.clock.set(retryAt);
    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.SUCCEEDED));

    assertThat(given.noticesTo(ALICE)).containsExactly(Notice.Type.WELCOME, Notice.Type.ORDER_PLACED,
        Notice.Type.JOB_RETRYING, Notice.Type.JOB_RESULT);
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).hasSize(1);
    assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(1), Credits.ZERO, Credits.of(1)));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenRateLimitEveryTime_runNext_coolsBothKeysAlertsWhenAllAreCoolAndFailsAfterTheLastAttempt() {
    Job job = placeOne();
    List<KeyId> used = new CopyOnWriteArrayList<>();
    core.provider.onSubmit((j, key) -> {
      used.add(key);
      return failed(FailureClass.RATE_LIMIT);
    });

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.QUEUED));
    untilRetry(job);
    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.QUEUED));
    untilRetry(job);
    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));

    // Round robin over the healthy keys, then the key that cools down first.
    assertThat(used).containsExactly(key0, key1, key0);
    assertThat(blockOf(key0)).get().extracting(KeyBlock::cause).isEqualTo(KeyEffect.COOL_DOWN);
    assertThat(blockOf(key1)).get().extracting(KeyBlock::cause).isEqualTo(KeyEffect.COOL_DOWN);
    assertThat(alerts()).singleElement().satisfies(m -> {
      assertThat(m.notice().type()).isEqualTo(Notice.Type.ADMIN_ALERT);
      assertThat(m.notice().value("alert")).isEqualTo("all_keys_blocked");
    });
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RETRYING).endsWith(Notice.Type.JOB_FAILED);
    assertThat(given.messagesTo(ALICE).get(given.messagesTo(ALICE).size() - 1).notice().values())
        .containsEntry("failureClass", "RATE_LIMIT").containsEntry("jobId", job.id().toString());
    assertThat(given.transfersOf(job, TransferType.RELEASE)).hasSize(1);
    assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.ZERO, Credits.of(2)));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenUnknownFailure_runNext_failsAtOnceAndLeavesTheKeyAlone() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> failed(FailureClass.UNKNOWN));

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));

    assertThat(blockOf(key0)).isEmpty();
    assertThat(alerts()).isEmpty();
    assertThat(given.job(job).lastFailure()).get().extracting(Failure::failureClass).isEqualTo(FailureClass.UNKNOWN);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenEveryKeyBlocked_runNext_usesTheOneFreedFirstAlertsAdminsAndClearsItOnSuccess() {
    Job job = placeOne();
    core.keyHealth.block(key0, new KeyBlock(KeyEffect.BLOCK, core.clock.now().plus(Duration.ofHours(2))));
    core.keyHealth.block(key1, new KeyBlock(KeyEffect.COOL_DOWN, core.clock.now().plus(Duration.ofHours(1))));
    List<KeyId> used = new CopyOnWriteArrayList<>();
    core.provider.onSubmit((j, key) -> {
      used.add(key);
      return done("r/ok");
    });

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.SUCCEEDED));

    assertThat(used).containsExactly(key1);
    assertThat(blockOf(key1)).isEmpty();
    assertThat(blockOf(key0)).isPresent();
    assertThat(alerts()).singleElement().satisfies(m -> assertThat(m.notice().values())
        .containsEntry("alert", "all_keys_blocked").containsEntry("provider", core.provider.name().value()));
  }

  @Test
  void givenPollFailingWithBilling_runNext_blocksTheKeyThatStartedTheTaskAndReturnsTheCredits() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(5), Duration.ofSeconds(30)));
    core.provider.onPoll(task -> failed(FailureClass.BILLING));
    runNext();
    KeyId taskKey = given.job(job).providerTask().orElseThrow().key();
    core.clock.advance(Duration.ofSeconds(30));

    assertThat(runNext()).isEqualTo(worked(job, JobState.AWAITING_PROVIDER, JobState.FAILED));

    assertThat(blockOf(taskKey)).get().satisfies(block -> {
      assertThat(block.cause()).isEqualTo(KeyEffect.BLOCK);
      assertThat(block.until()).isEqualTo(core.clock.now().plus(core.keyPolicy.billingBlock()));
    });
    assertThat(alerts()).singleElement().satisfies(m -> assertThat(m.notice().values())
        .containsEntry("alert", "provider_billing").containsEntry("jobId", job.id().toString()));
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenABillingStorm_adminsAreAlertedOncePerKeyAndOnceThatAllAreBlocked_untilTheWindowPasses() {
    given.register(ALICE);
    given.topUp(ALICE, 100);
    core.provider.onSubmit((j, key) -> failed(FailureClass.BILLING));
    for (int i = 0; i < 6; i++) {
      Job job = given.placed(ALICE, 1, "storm-" + i).get(0);
      assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));
    }

    assertThat(alerts()).extracting(m -> m.notice().value("alert") + " " + m.notice().values().getOrDefault("key",
        m.notice().values().get("provider")))
        .containsExactly("provider_billing " + key0, "provider_billing " + key1,
            "all_keys_blocked " + core.provider.name().value());

    core.clock.advance(Duration.ofMinutes(61));
    Job late = given.placed(ALICE, 1, "storm-late").get(0);
    assertThat(runNext()).isEqualTo(worked(late, JobState.RUNNING, JobState.FAILED));
    assertThat(alerts()).hasSize(5);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(102));
  }

  @Test
  void givenAFailureBlamingAnotherKey_thatKeyIsBlockedAndNamed_notTheJobsKey() {
    Job job = placeOne();
    KeyId writerKey = new KeyId(new dev.rei.domain.provider.ProviderName("openai"), 1);
    core.provider.onSubmit((j, key) -> new Outcome.Failed(Failure.of(FailureClass.BILLING, "insufficient_quota"),
        Optional.of(writerKey)));

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));

    assertThat(blockOf(writerKey)).get().extracting(KeyBlock::cause).isEqualTo(KeyEffect.BLOCK);
    assertThat(blockOf(key0)).isEmpty();
    assertThat(blockOf(key1)).isEmpty();
    assertThat(alerts()).singleElement().satisfies(m -> assertThat(m.notice().values())
        .containsEntry("alert", "provider_billing").containsEntry("key", writerKey.toString()));
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
  }

  @Test
  void givenLongTask_poll_recordsProgressFreesTheWorkerAndPollsAgainWhenAsked() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(10), Duration.ofSeconds(30)));
    AtomicInteger polls = new AtomicInteger();
    core.provider.onPoll(task -> polls.incrementAndGet() == 1
        ? new Outcome.Pending(task.taskId(), Progress.of(60), Duration.ofSeconds(20))
        : done("r/" + task.taskId()));
    runNext();
    core.clock.advance(Duration.ofSeconds(30));

    assertThat(runNext()).isEqualTo(worked(job, JobState.AWAITING_PROVIDER, JobState.AWAITING_PROVIDER));

    Job waiting = given.job(job);
    assertThat(waiting.progress()).isEqualTo(Progress.of(60));
    assertThat(waiting.lease()).isEmpty();
    assertThat(waiting.nextPollAt()).contains(core.clock.now().plusSeconds(20));
    core.clock.advance(Duration.ofSeconds(19));
    assertThat(runNext()).isInstanceOf(WorkResult.Idle.class);
    core.clock.advance(Duration.ofSeconds(1));
    assertThat(runNext()).isEqualTo(worked(job, JobState.AWAITING_PROVIDER, JobState.SUCCEEDED));
    assertThat(given.job(job).result()).contains(new ResultRef("r/task-1"));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenProviderAskingToBePolledInThePast_runNext_pollsAtOnce() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(10), Duration.ofSeconds(-5)));

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.AWAITING_PROVIDER));

    assertThat(given.job(job).nextPollAt()).contains(core.clock.now());
    assertThat(runNext()).isEqualTo(worked(job, JobState.AWAITING_PROVIDER, JobState.SUCCEEDED));
  }

  @Test
  void givenAWorkerStoppingMidAttempt_releaseLeases_requeuesTheJobAtOnce_andItsLateResultIsNotCharged() {
    Job job = placeOne();
    AtomicInteger released = new AtomicInteger();
    core.provider.onSubmit((j, key) -> {
      // Shutdown arrives while the provider call is in flight.
      released.set(core.releaseLeases.release(WORKER));
      return done("r/late");
    });

    runNext();

    assertThat(released).hasValue(1);
    Job requeued = given.job(job);
    assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
    assertThat(requeued.lease()).isEmpty();
    assertThat(requeued.result()).isEmpty();
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).isEmpty();
    core.provider.onSubmit((j, key) -> done("r/retried"));
    core.clock.advance(Duration.ofSeconds(15));
    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.SUCCEEDED));
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).hasSize(1);
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenAWorkerHoldingNothing_releaseLeases_changesNothing() {
    Job job = placeOne();

    assertThat(core.releaseLeases.release(WORKER)).isZero();
    assertThat(given.job(job).state()).isEqualTo(JobState.QUEUED);
  }

  @Test
  void givenProviderReportingProgress_poll_tellsTheUserOnlyWhenItGrows() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(10), Duration.ofSeconds(5)));
    AtomicInteger polls = new AtomicInteger();
    core.provider.onPoll(task -> switch (polls.incrementAndGet()) {
      case 1 -> new Outcome.Pending(task.taskId(), Progress.of(40), Duration.ofSeconds(5));
      case 2 -> new Outcome.Pending(task.taskId(), Progress.of(40), Duration.ofSeconds(5));
      default -> done("r/" + task.taskId());
    });
    for (int i = 0; i < 4; i++) {
      runNext();
      core.clock.advance(Duration.ofSeconds(5));
    }

    assertThat(given.messagesTo(ALICE)).extracting(OutboxMessage::notice)
        .filteredOn(n -> n.type() == Notice.Type.JOB_PROGRESS)
        .extracting(n -> n.value("percent"), n -> n.value("orderId"))
        .containsExactly(tuple("10", job.orderId().toString()), tuple("40", job.orderId().toString()));
    assertThat(given.job(job).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void givenSuccess_runNext_writesTheResultMessageWithTheCapture() {
    Job job = placeOne();

    runNext();

    OutboxMessage result = given.messagesTo(ALICE).get(given.messagesTo(ALICE).size() - 1);
    assertThat(result.notice()).isEqualTo(Notice.of(Notice.Type.JOB_RESULT, Map.of("jobId", job.id().toString(),
        "orderId", job.orderId().toString(), "kind", job.kind().name(), "price", job.price().toString(),
        "result", "results/" + job.id())));
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).singleElement()
        .satisfies(capture -> assertThat(capture.amount()).isEqualTo(job.price()));
    assertThat(core.ledger.history(ALICE, InMemoryCore.START, Set.of(HistoryCategory.SPEND), 0, 10))
        .extracting(Transfer::type).containsExactly(TransferType.CAPTURE, TransferType.HOLD);
  }

  @Test
  void givenResultAfterTheDeadline_runNext_expiresTheJobInsteadOfCharging() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> {
      core.clock.set(j.deadline());
      return done("r/late");
    });

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.EXPIRED));

    assertThat(given.transfersOf(job, TransferType.CAPTURE)).isEmpty();
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RESULT).endsWith(Notice.Type.JOB_EXPIRED);
    assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.ZERO, Credits.of(2)));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenJobExpiredBySweeperDuringTheCall_theResult_isDiscardedAndNeverCharged() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> {
      core.clock.set(j.deadline());
      assertThat(core.sweep.sweep().expired()).isEqualTo(1);
      return done("r/late");
    });

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.EXPIRED));

    assertThat(given.transfersOf(job, TransferType.CAPTURE)).isEmpty();
    assertThat(given.transfersOf(job, TransferType.RELEASE)).hasSize(1);
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RESULT);
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenHoldReleasedElsewhere_aFinalFailure_stillFailsTheJobWithoutASecondRelease() {
    Job job = placeOne();
    TransferResult elsewhere = core.ledger.apply(new TransferRequest.Release(IdempotencyKey.of("elsewhere"),
        job.holdId(), ReleaseReason.EXPIRED), TransferId.of(core.ids.newId()), core.clock.now());
    assertThat(elsewhere).isInstanceOf(TransferResult.Recorded.class);
    core.provider.onSubmit((j, key) -> failed(FailureClass.USER_VIOLATION));

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));

    assertThat(given.transfersOf(job, TransferType.RELEASE)).hasSize(1);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenWorkerDiedAfterTheCapture_anotherWorker_deliversOnceWithoutChargingAgain() {
    Job job = placeOne();
    // A worker captures the result and dies before it finishes: DELIVERING stays, with its lease.
    core.db.inTransaction(() -> {
      Job claimed = core.jobs.lockNextDue(core.clock.now()).orElseThrow()
          .claim(new WorkerId("doomed"), core.clock.now(), core.timings.lease()).job();
      core.jobs.update(claimed);
      core.outcomes.apply(claimed.resultReady(claimed.lease().orElseThrow(), new ResultRef("r/rescued"),
          core.clock.now()));
    });
    assertThat(runNext()).isInstanceOf(WorkResult.Idle.class);
    core.clock.advance(core.timings.lease());

    assertThat(core.sweep.sweep()).isEqualTo(new SweepReport(0, 1, 0));
    assertThat(runNext()).isEqualTo(worked(job, JobState.DELIVERING, JobState.SUCCEEDED));

    assertThat(core.provider.calls()).isEmpty();
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).hasSize(1);
    assertThat(given.noticesTo(ALICE).stream().filter(t -> t == Notice.Type.JOB_RESULT)).hasSize(1);
    assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(1), Credits.ZERO, Credits.of(1)));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenWorkerVanishedOnTheLastAttempt_sweep_failsTheJobAndReturnsTheCredits() {
    Job job = placeOne();
    AtomicInteger calls = new AtomicInteger();
    core.provider.onSubmit((j, key) -> {
      if (calls.incrementAndGet() < 3) {
        return failed(FailureClass.TEMPORARY);
      }
      // The third attempt's worker stalls past its lease; the sweeper counts the attempt as failed.
      core.clock.advance(core.timings.lease());
      assertThat(core.sweep.sweep().rescued()).isEqualTo(1);
      return done("r/too-late");
    });
    runNext();
    untilRetry(job);
    runNext();
    untilRetry(job);

    assertThat(runNext()).isEqualTo(worked(job, JobState.RUNNING, JobState.FAILED));

    assertThat(given.job(job).attempts()).isEqualTo(3);
    assertThat(given.transfersOf(job, TransferType.CAPTURE)).isEmpty();
    assertThat(given.transfersOf(job, TransferType.RELEASE)).hasSize(1);
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.JOB_RESULT).endsWith(Notice.Type.JOB_FAILED);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenAwaitingJob_cancel_releasesTheHoldAndTheTaskIsNeverPolled() {
    Job job = placeOne();
    core.provider.onSubmit((j, key) -> new Outcome.Pending("task-1", Progress.of(5), Duration.ofSeconds(30)));
    runNext();

    CancelResult result = core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER));
    core.clock.advance(Duration.ofMinutes(1));

    assertThat(result).isInstanceOf(CancelResult.Cancelled.class);
    assertThat(((CancelResult.Cancelled) result).job().state()).isEqualTo(JobState.CANCELLED);
    assertThat(runNext()).isInstanceOf(WorkResult.Idle.class);
    assertThat(core.provider.calls()).hasSize(1);
    assertThat(given.noticesTo(ALICE)).endsWith(Notice.Type.JOB_CANCELLED);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenUnknownJob_cancel_isRefused() {
    assertThat(core.cancel.cancel(new CancelJobCommand(JobId.of(core.ids.newId()), ALICE, CancelledBy.USER)))
        .isEqualTo(new CancelResult.Refused(CancelResult.Reason.UNKNOWN_JOB));
  }

  @Test
  void givenFinishedJob_cancel_isRefusedAndChangesNothing() {
    Job job = placeOne();
    runNext();

    assertThat(core.cancel.cancel(new CancelJobCommand(job.id(), InMemoryCore.ADMIN, CancelledBy.ADMIN)))
        .isEqualTo(new CancelResult.Refused(CancelResult.Reason.NOT_CANCELLABLE));
    assertThat(given.job(job).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void givenHoldResolvedBetweenReadAndRelease_sweep_carriesOnWithoutCountingIt() {
    given.register(ALICE);
    TransferResult hold = core.ledger.apply(new TransferRequest.Hold(IdempotencyKey.of("orphan"), AccountId.user(ALICE),
        SystemAccount.REVENUE, Credits.of(1), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, "gone"),
        Optional.of(core.clock.now().plusSeconds(60))), TransferId.of(core.ids.newId()), core.clock.now());
    assertThat(hold).isInstanceOf(TransferResult.Recorded.class);
    core.clock.advance(Duration.ofSeconds(60));
    SweepJobsService racing = new SweepJobsService(core.db, core.jobs, new RacingLedger(core), core.outcomes,
        core.clock, core.ids, core.retryPolicy, new SplittableRandom(3));

    assertThat(racing.sweep()).isEqualTo(new SweepReport(0, 0, 0));

    assertThat(core.ledger.transfers()).filteredOn(t -> t.type() == TransferType.RELEASE).hasSize(1);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(2));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenEightWorkersAndFortyJobs_eachJob_isFinishedAndChargedExactlyOnce() throws Exception {
    InMemoryCore busy = new InMemoryCore(new OrderLimits(1_000, Credits.of(1_000_000)), Credits.of(20));
    Scenarios on = new Scenarios(busy);
    List<UserId> users = List.of(UserId.of(1), UserId.of(2), UserId.of(3), UserId.of(4));
    for (UserId user : users) {
      on.register(user);
      on.placed(user, 5, "first-" + user.value());
      on.placed(user, 5, "second-" + user.value());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      WorkerId worker = new WorkerId("worker-" + w);
      workers.add(pool.submit(() -> {
        int finished = 0;
        while (busy.runNext.runNext(worker) instanceof WorkResult.Worked) {
          finished++;
        }
        return finished;
      }));
    }
    int finished = 0;
    for (Future<Integer> worker : workers) {
      finished += worker.get();
    }
    pool.shutdown();

    assertThat(finished).isEqualTo(40);
    assertThat(busy.jobs.countByState()).containsExactly(Map.entry(JobState.SUCCEEDED, 40L));
    List<Transfer> captures = busy.ledger.transfers().stream().filter(t -> t.type() == TransferType.CAPTURE).toList();
    assertThat(captures).hasSize(40);
    assertThat(captures.stream().map(Transfer::pendingId).distinct()).hasSize(40);
    assertThat(busy.outbox.all()).filteredOn(m -> m.notice().type() == Notice.Type.JOB_RESULT).hasSize(40);
    for (UserId user : users) {
      assertThat(busy.balance.balance(user)).isEqualTo(new UserBalance(Credits.of(10), Credits.ZERO, Credits.of(10)));
    }
    assertThat(busy.audit()).isEmpty();
  }

  /**
   * A ledger whose list of expired holds is already stale when the sweeper gets it: another
   * sweeper resolved the first hold between the read and the release, as can happen on PostgreSQL.
   */
  private static final class RacingLedger implements LedgerStore {
    private final InMemoryCore core;

    RacingLedger(InMemoryCore core) {
      this.core = core;
    }

    @Override
    public List<Hold> expiredHolds(Instant now, int limit) {
      List<Hold> stale = core.ledger.expiredHolds(now, limit);
      stale.stream().findFirst().ifPresent(first -> core.ledger.apply(new TransferRequest.Release(
          IdempotencyKey.of("other-sweeper", first.id()), first.id(), ReleaseReason.EXPIRED),
          TransferId.of(core.ids.newId()), now));
      return stale;
    }

    @Override
    public void openAccount(UserId user) {
      core.ledger.openAccount(user);
    }

    @Override
    public TransferResult apply(TransferRequest request, TransferId newId, Instant now) {
      return core.ledger.apply(request, newId, now);
    }

    @Override
    public UserBalance balanceOf(UserId user) {
      return core.ledger.balanceOf(user);
    }

    @Override
    public Optional<Transfer> transfer(TransferId id) {
      return core.ledger.transfer(id);
    }

    @Override
    public Optional<Hold> hold(TransferId holdId) {
      return core.ledger.hold(holdId);
    }

    @Override
    public List<Transfer> history(UserId user, Instant since, Set<HistoryCategory> categories, int offset, int limit) {
      return core.ledger.history(user, since, categories, offset, limit);
    }

    @Override
    public List<AccountBalance> balances() {
      return core.ledger.balances();
    }

    @Override
    public List<Transfer> transfers() {
      return core.ledger.transfers();
    }

    @Override
    public Map<HistoryCategory, Long> totalsSince(Instant since) {
      return core.ledger.totalsSince(since);
    }

    @Override
    public LedgerTotals totals() {
      return core.ledger.totals();
    }
  }
}
