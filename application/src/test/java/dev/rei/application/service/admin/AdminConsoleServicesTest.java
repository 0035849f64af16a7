package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.account.HistoryQuery;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.RetryJobCommand;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.admin.UserCard;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminConsoleServicesTest {

  private static final UserId MALLORY = UserId.of(666);
  private static final WorkerId WORKER = new WorkerId("worker-1");

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @AfterEach
  void ledgerStaysSound() {
    assertThat(core.audit()).isEmpty();
  }

  private Job failedJob() {
    given.register(ALICE);
    Job job = given.order(ALICE, 1, "alice-1").jobs().get(0);
    core.provider.onSubmit((j, key) -> new Outcome.Failed(Failure.of(FailureClass.USER_VIOLATION, "nsfw")));
    core.runNext.runNext(WORKER);
    Job failed = core.jobs.find(job.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    return failed;
  }

  private List<AuditLog.Entry> auditAbout(UserId user) {
    return core.auditLog.about(user, 10);
  }

  @Test
  void givenUser_card_showsProfileBalanceLiveJobsPaymentsAndAudit_newestFirst() {
    given.register(ALICE);
    core.users.rememberUsername(ALICE, Optional.of("alice_w"));
    Payment payment = ((TopUpStart.Started) core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).payment();
    core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), FakePaymentGateway.providerIdOf(payment),
        PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(), Optional.of(ALICE)));
    Job live = given.order(ALICE, 1, "alice-1").jobs().get(0);
    core.adjust.adjust(new AdjustBalanceCommand(ADMIN, ALICE, 5, "sorry for the wait", IdempotencyKey.of("adj-1")));

    UserCard card = ((GetUserCardUseCase.Result.Found) core.userCard.card(ADMIN, ALICE)).card();

    assertThat(card.user().id()).isEqualTo(ALICE);
    assertThat(card.username()).contains("alice_w");
    // 2 welcome + 100 bought + 5 adjusted; 1 held by the live job.
    assertThat(card.balance().posted().value()).isEqualTo(107);
    assertThat(card.balance().held().value()).isEqualTo(1);
    assertThat(card.liveJobs()).extracting(Job::id).containsExactly(live.id());
    assertThat(card.latestPayments()).extracting(Payment::id).containsExactly(payment.id());
    assertThat(card.latestAudit()).extracting(AuditLog.Entry::action).containsExactly("adjust_balance");
  }

  @Test
  void givenUnknownUserOrNonAdmin_card_isRefused() {
    assertThat(core.userCard.card(ADMIN, ALICE)).isEqualTo(new GetUserCardUseCase.Result.Refused(
        AdminRefusal.UNKNOWN_USER));
    given.register(ALICE);
    assertThat(core.userCard.card(MALLORY, ALICE)).isEqualTo(new GetUserCardUseCase.Result.Refused(
        AdminRefusal.NOT_AN_ADMIN));
  }

  @Test
  void givenJob_getJob_showsItToAdminsOnly() {
    Job failed = failedJob();

    assertThat(core.getJob.job(ADMIN, failed.id())).isEqualTo(new GetJobUseCase.Result.Found(failed));
    assertThat(core.getJob.job(MALLORY, failed.id())).isEqualTo(new GetJobUseCase.Result.Refused(
        AdminRefusal.NOT_AN_ADMIN));
    assertThat(core.getJob.job(ADMIN, JobId.of(UUID.randomUUID()))).isEqualTo(new GetJobUseCase.Result.Refused(
        AdminRefusal.UNKNOWN_JOB));
  }

  @Test
  void givenFailedJob_retry_ordersItAgainForFree_once_withAnAdjustmentInTheUsersHistory() {
    Job failed = failedJob();
    long before = given.available(ALICE);

    RetryJobUseCase.Result first = core.retryJob.retry(new RetryJobCommand(ADMIN, failed.id()));
    RetryJobUseCase.Result second = core.retryJob.retry(new RetryJobCommand(ADMIN, failed.id()));

    RetryJobUseCase.Result.Reordered reordered = (RetryJobUseCase.Result.Reordered) first;
    assertThat(reordered.replayed()).isFalse();
    Job replacement = reordered.replacement();
    assertThat(replacement.state()).isEqualTo(JobState.QUEUED);
    assertThat(replacement.kind()).isEqualTo(failed.kind());
    assertThat(replacement.parameters()).isEqualTo(failed.parameters());
    assertThat(replacement.userId()).isEqualTo(ALICE);
    assertThat(((RetryJobUseCase.Result.Reordered) second).replacement().id()).isEqualTo(replacement.id());
    assertThat(((RetryJobUseCase.Result.Reordered) second).replayed()).isTrue();
    assertThat(core.jobs.liveOf(ALICE)).extracting(Job::id).containsExactly(replacement.id());
    // Free: the grant pays the hold, so what the user can spend is unchanged.
    assertThat(given.available(ALICE)).isEqualTo(before);
    List<Transfer> adjustments = core.history.history(new HistoryQuery(ALICE, 30, Set.of(HistoryCategory.ADJUSTMENT),
        0, 10)).entries();
    assertThat(adjustments).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TransferKind.ADJUSTMENT);
      assertThat(t.amount()).isEqualTo(failed.price());
      assertThat(t.memo().note()).isEqualTo("retry of job " + failed.id());
    });
    assertThat(auditAbout(ALICE)).extracting(AuditLog.Entry::action).containsExactly("retry_job");

    core.provider.onSubmit((j, key) -> new Outcome.Pending("t", Progress.of(5), Duration.ofSeconds(30)));
    core.runNext.runNext(WORKER);
    assertThat(core.jobs.find(replacement.id()).orElseThrow().state()).isEqualTo(JobState.AWAITING_PROVIDER);
  }

  @Test
  void givenJobWaitingForItsNextPoll_retry_makesItDueNow_once() {
    given.register(ALICE);
    Job job = given.order(ALICE, 1, "alice-1").jobs().get(0);
    core.provider.onSubmit((j, key) -> new Outcome.Pending("t", Progress.of(5), Duration.ofMinutes(10)));
    core.runNext.runNext(WORKER);
    assertThat(core.jobs.nextDueAt()).contains(core.clock.now().plus(Duration.ofMinutes(10)));

    RetryJobUseCase.Result first = core.retryJob.retry(new RetryJobCommand(ADMIN, job.id()));
    RetryJobUseCase.Result second = core.retryJob.retry(new RetryJobCommand(ADMIN, job.id()));

    assertThat(((RetryJobUseCase.Result.MadeDue) first).changed()).isTrue();
    assertThat(((RetryJobUseCase.Result.MadeDue) second).changed()).isFalse();
    assertThat(core.jobs.find(job.id()).orElseThrow().isDueAt(core.clock.now())).isTrue();
    assertThat(auditAbout(ALICE)).extracting(AuditLog.Entry::action).containsExactly("retry_job");
  }

  @Test
  void givenSucceededCancelledOrUnknownJob_orNonAdmin_retry_isRefused_andChangesNothing() {
    given.register(ALICE);
    Job job = given.order(ALICE, 1, "alice-1").jobs().get(0);
    core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER));

    assertThat(core.retryJob.retry(new RetryJobCommand(ADMIN, job.id())))
        .isEqualTo(new RetryJobUseCase.Result.Refused(AdminRefusal.JOB_NOT_RETRYABLE));
    assertThat(core.retryJob.retry(new RetryJobCommand(MALLORY, job.id())))
        .isEqualTo(new RetryJobUseCase.Result.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(core.retryJob.retry(new RetryJobCommand(ADMIN, JobId.of(UUID.randomUUID()))))
        .isEqualTo(new RetryJobUseCase.Result.Refused(AdminRefusal.UNKNOWN_JOB));
    assertThat(core.jobs.liveOf(ALICE)).isEmpty();
    assertThat(auditAbout(ALICE)).isEmpty();
  }

  @Test
  void givenLiveJob_adminCancel_releasesTheHold_andIsAudited() {
    given.register(ALICE);
    Job job = given.order(ALICE, 1, "alice-1").jobs().get(0);

    CancelResult result = core.cancel.cancel(new CancelJobCommand(job.id(), ADMIN, CancelledBy.ADMIN));

    assertThat(result).isInstanceOf(CancelResult.Cancelled.class);
    assertThat(given.available(ALICE)).isEqualTo(AdminSteps.WELCOME);
    assertThat(auditAbout(ALICE)).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("cancel_job");
      assertThat(entry.admin()).isEqualTo(ADMIN);
      assertThat(entry.details()).contains(job.id().toString());
    });
  }

  @Test
  void givenRailThatRefusesRefunds_refund_isRefusedWithTheRailsWords_andChangesNothing() {
    given.register(ALICE);
    Payment payment = ((TopUpStart.Started) core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).payment();
    core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), FakePaymentGateway.providerIdOf(payment),
        PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(), Optional.of(ALICE)));
    core.yookassa.refuseRefunds("refunds are made in the dashboard");
    long before = given.available(ALICE);

    AdminResult result = core.refund.refund(new RefundPaymentCommand(ADMIN, payment.id(), "asked by the user"));

    assertThat(result).isEqualTo(new AdminResult.Refused(AdminRefusal.RAIL_REFUSED,
        "refunds are made in the dashboard"));
    assertThat(given.available(ALICE)).isEqualTo(before);
    assertThat(core.payments.find(payment.id()).orElseThrow().status()).isEqualTo(dev.rei.domain.payment.PaymentStatus.SUCCEEDED);
    assertThat(auditAbout(ALICE)).singleElement().satisfies(entry ->
        assertThat(entry.details()).contains("the rail refused: refunds are made in the dashboard"));
  }
}
