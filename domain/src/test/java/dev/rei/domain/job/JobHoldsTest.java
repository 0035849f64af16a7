package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.DEADLINE;
import static dev.rei.domain.fixtures.JobFixtures.HOLD_ID;
import static dev.rei.domain.fixtures.JobFixtures.JOB_ID;
import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.PRICE;
import static dev.rei.domain.fixtures.JobFixtures.RESULT;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.USER_ID;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.aJob;
import static dev.rei.domain.fixtures.JobFixtures.fundAndHold;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static dev.rei.domain.fixtures.JobFixtures.queuedJob;
import static dev.rei.domain.fixtures.JobFixtures.runningJob;
import static dev.rei.domain.fixtures.JobFixtures.seededRandom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceLedger;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ledger side of a job: its hold, capture and release requests, keyed by the job id. */
class JobHoldsTest {

  @Test
  void givenJob_hold_isPendingSpendFromUserToRevenueKeyedByJob() {
    Instant expiry = DEADLINE.plus(Duration.ofHours(1));

    TransferRequest.Hold hold = JobHolds.hold(JOB_ID, USER_ID, PRICE, expiry);

    assertThat(hold.key()).isEqualTo(IdempotencyKey.of("job:" + JOB_ID + ":hold"));
    assertThat(hold.debit()).isEqualTo(AccountId.user(USER_ID));
    assertThat(hold.credit()).isEqualTo(SystemAccount.REVENUE);
    assertThat(hold.amount()).isEqualTo(PRICE);
    assertThat(hold.kind()).isEqualTo(TransferKind.SPEND);
    assertThat(hold.memo()).isEqualTo(TransferMemo.of(ReferenceType.JOB, JOB_ID));
    assertThat(hold.expiresAt()).contains(expiry);
  }

  @Test
  void givenJob_capture_postsThePriceOfItsHold() {
    Job job = aJob().price(Credits.of(130)).queue();

    TransferRequest.Capture capture = JobHolds.capture(job);

    assertThat(capture.key()).isEqualTo(IdempotencyKey.of("job:" + JOB_ID + ":capture"));
    assertThat(capture.holdId()).isEqualTo(HOLD_ID);
    assertThat(capture.amount()).isEqualTo(Credits.of(130));
  }

  @ParameterizedTest
  @EnumSource(ReleaseReason.class)
  void givenJob_release_voidsItsHoldWithTheReason(ReleaseReason reason) {
    TransferRequest.Release release = JobHolds.release(queuedJob(), reason);

    assertThat(release.key()).isEqualTo(IdempotencyKey.of("job:" + JOB_ID + ":release"));
    assertThat(release.holdId()).isEqualTo(HOLD_ID);
    assertThat(release.reason()).isEqualTo(reason);
  }

  @Test
  void givenHoldActions_requestFor_matchesEachAction() {
    Job job = queuedJob();

    assertThat(JobHolds.requestFor(job, HoldAction.NONE)).isEmpty();
    assertThat(JobHolds.requestFor(job, HoldAction.CAPTURE)).contains(JobHolds.capture(job));
    assertThat(JobHolds.requestFor(job, HoldAction.RELEASE_FAILED))
        .contains(JobHolds.release(job, ReleaseReason.FAILED));
    assertThat(JobHolds.requestFor(job, HoldAction.RELEASE_CANCELLED))
        .contains(JobHolds.release(job, ReleaseReason.CANCELLED));
    assertThat(JobHolds.requestFor(job, HoldAction.RELEASE_EXPIRED))
        .contains(JobHolds.release(job, ReleaseReason.EXPIRED));
  }

  @Test
  void givenHoldActions_releaseReasonAndResolvesHold_areConsistent() {
    assertThat(HoldAction.NONE.releaseReason()).isEmpty();
    assertThat(HoldAction.CAPTURE.releaseReason()).isEmpty();
    assertThat(HoldAction.RELEASE_FAILED.releaseReason()).contains(ReleaseReason.FAILED);
    assertThat(HoldAction.RELEASE_CANCELLED.releaseReason()).contains(ReleaseReason.CANCELLED);
    assertThat(HoldAction.RELEASE_EXPIRED.releaseReason()).contains(ReleaseReason.EXPIRED);
    assertThat(HoldAction.NONE.resolvesHold()).isFalse();
    for (HoldAction action : new HoldAction[] {HoldAction.CAPTURE, HoldAction.RELEASE_FAILED,
        HoldAction.RELEASE_CANCELLED, HoldAction.RELEASE_EXPIRED}) {
      assertThat(action.resolvesHold()).as("%s", action).isTrue();
    }
  }

  @Test
  void givenResultReady_ledgerRequest_isCaptureOfThePrice() {
    Job running = runningJob();

    JobChange change = running.resultReady(leaseOf(running), RESULT, T0.plusSeconds(10));

    assertThat(change.ledgerRequest()).contains(JobHolds.capture(change.job()));
    assertThat(change.ledgerRequest()).get().isInstanceOfSatisfying(TransferRequest.Capture.class,
        capture -> assertThat(capture.amount()).isEqualTo(PRICE));
  }

  @Test
  void givenFinalFailure_ledgerRequest_isReleaseAsFailed() {
    Job running = runningJob();

    JobChange change = running.attemptFailed(leaseOf(running), Failure.of(FailureClass.UNKNOWN, "?"),
        Optional.empty(), RetryPolicy.DEFAULT, T0.plusSeconds(10), seededRandom());

    assertThat(change.ledgerRequest()).contains(JobHolds.release(change.job(), ReleaseReason.FAILED));
  }

  @Test
  void givenSucceedingJob_ledger_heldThenChargedOnce() {
    ReferenceLedger ledger = new ReferenceLedger();
    TransferId holdId = fundAndHold(ledger, JOB_ID, USER_ID, PRICE, DEADLINE.plus(Duration.ofDays(1)), T0);
    Job running = aJob().holdId(holdId).queue().claim(WORKER, T0, LEASE_DURATION).job();
    assertThat(ledger.balanceOf(USER_ID)).isEqualTo(new UserBalance(PRICE, PRICE, Credits.ZERO));

    JobChange ready = running.resultReady(leaseOf(running), RESULT, T0.plusSeconds(30));
    TransferResult captured = ledger.apply(ready.ledgerRequest().orElseThrow(), T0.plusSeconds(30));
    TransferResult replayed = ledger.apply(ready.ledgerRequest().orElseThrow(), T0.plusSeconds(31));

    assertThat(captured).isInstanceOf(TransferResult.Recorded.class);
    assertThat(replayed).isInstanceOf(TransferResult.Replayed.class);
    assertThat(ledger.balanceOf(USER_ID)).isEqualTo(UserBalance.ZERO);
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenCancelledJob_ledger_creditsReturnedAndLaterCaptureRefused() {
    ReferenceLedger ledger = new ReferenceLedger();
    TransferId holdId = fundAndHold(ledger, JOB_ID, USER_ID, PRICE, DEADLINE.plus(Duration.ofDays(1)), T0);
    Job running = aJob().holdId(holdId).queue().claim(WORKER, T0, LEASE_DURATION).job();

    JobChange cancel = running.cancel(CancelledBy.USER, T0.plusSeconds(5));
    TransferResult released = ledger.apply(cancel.ledgerRequest().orElseThrow(), T0.plusSeconds(5));
    // Even if a buggy caller built the capture by hand, the ledger would refuse it.
    TransferResult lateCapture = ledger.apply(JobHolds.capture(cancel.job()), T0.plusSeconds(6));

    assertThat(released).isInstanceOf(TransferResult.Recorded.class);
    assertThat(lateCapture).isInstanceOf(TransferResult.Refused.class);
    assertThat(ledger.balanceOf(USER_ID)).isEqualTo(new UserBalance(PRICE, Credits.ZERO, PRICE));
    assertThat(ledger.audit()).isEmpty();
  }
}
