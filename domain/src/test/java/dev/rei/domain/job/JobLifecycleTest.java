package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.DEADLINE;
import static dev.rei.domain.fixtures.JobFixtures.KEY;
import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.OTHER_WORKER;
import static dev.rei.domain.fixtures.JobFixtures.PRICE;
import static dev.rei.domain.fixtures.JobFixtures.RESULT;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.TASK;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.aJob;
import static dev.rei.domain.fixtures.JobFixtures.awaitingJob;
import static dev.rei.domain.fixtures.JobFixtures.deliveringJob;
import static dev.rei.domain.fixtures.JobFixtures.jobIn;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static dev.rei.domain.fixtures.JobFixtures.queuedJob;
import static dev.rei.domain.fixtures.JobFixtures.runningJob;
import static dev.rei.domain.fixtures.JobFixtures.seededRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The happy path of DESIGN §2.2, one transition at a time: queue, claim, submit, poll, result, delivery. */
class JobLifecycleTest {

  @Nested
  class Queue {

    @Test
    void givenNewOrder_queue_isQueuedAndDueAtOnce() {
      Job job = queuedJob();

      assertThat(job.state()).isEqualTo(JobState.QUEUED);
      assertThat(job.nextAttemptAt()).contains(T0);
      assertThat(job.attempts()).isZero();
      assertThat(job.fence()).isZero();
      assertThat(job.lease()).isEmpty();
      assertThat(job.providerTask()).isEmpty();
      assertThat(job.nextPollAt()).isEmpty();
      assertThat(job.progress()).isEqualTo(Progress.NONE);
      assertThat(job.result()).isEmpty();
      assertThat(job.lastFailure()).isEmpty();
      assertThat(job.retryNoticeSent()).isFalse();
      assertThat(job.cancelledBy()).isEmpty();
      assertThat(job.price()).isEqualTo(PRICE);
      assertThat(job.deadline()).isEqualTo(DEADLINE);
      assertThat(job.createdAt()).isEqualTo(T0);
      assertThat(job.updatedAt()).isEqualTo(T0);
      assertThat(job.isDueAt(T0)).isTrue();
    }

    @Test
    void givenDeadlineNotAfterNow_queue_throws() {
      assertThatThrownBy(() -> aJob().deadline(T0).queue()).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> aJob().deadline(T0.minusSeconds(1)).queue())
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenFreePrice_queue_throws() {
      assertThatThrownBy(() -> aJob().price(0).queue())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one credit");
    }
  }

  @Nested
  class Claim {

    @Test
    void givenQueuedJob_claim_startsAttemptUnderNewLease() {
      JobChange change = queuedJob().claim(WORKER, T0.plusSeconds(3), LEASE_DURATION);
      Job job = change.job();

      assertThat(job.state()).isEqualTo(JobState.RUNNING);
      assertThat(job.attempts()).isEqualTo(1);
      assertThat(job.fence()).isEqualTo(1);
      assertThat(job.lease()).contains(new Lease(WORKER, 1, T0.plusSeconds(3).plus(LEASE_DURATION)));
      assertThat(job.nextAttemptAt()).isEmpty();
      assertThat(job.updatedAt()).isEqualTo(T0.plusSeconds(3));
      assertQuiet(change);
    }

    @Test
    void givenRetryQueuedJob_claimBeforeNextAttempt_throws() {
      Job retried = retriedAfterTemporaryFailure();
      Instant nextAttempt = retried.nextAttemptAt().orElseThrow();

      assertThat(retried.isDueAt(nextAttempt.minusMillis(1))).isFalse();
      assertThatThrownBy(() -> retried.claim(WORKER, nextAttempt.minusMillis(1), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class)
          .hasMessageContaining("not due");

      Job second = retried.claim(WORKER, nextAttempt, LEASE_DURATION).job();
      assertThat(second.state()).isEqualTo(JobState.RUNNING);
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(second.fence()).isEqualTo(retried.fence() + 1);
    }

    @Test
    void givenQueuedJob_claimAtOrAfterDeadline_throws() {
      Job job = queuedJob();

      assertThat(job.isDueAt(DEADLINE.minusMillis(1))).isTrue();
      assertThat(job.claim(WORKER, DEADLINE.minusMillis(1), LEASE_DURATION).job().state())
          .isEqualTo(JobState.RUNNING);
      assertThatThrownBy(() -> job.claim(WORKER, DEADLINE, LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> job.claim(WORKER, DEADLINE.plusSeconds(60), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void givenNonPositiveLeaseDuration_claim_throws() {
      Job job = queuedJob();

      assertThatThrownBy(() -> job.claim(WORKER, T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> job.claim(WORKER, T0, Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> job.claim(null, T0, LEASE_DURATION)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenRunningJob_claim_throwsEvenAfterLeaseExpiry() {
      // A vanished worker's job is rescued by leaseExpired, which counts the attempt; never by a plain claim.
      Job running = runningJob();
      Instant afterLease = leaseOf(running).expiresAt().plusSeconds(1);

      assertThat(running.isDueAt(afterLease)).isFalse();
      assertThatThrownBy(() -> running.claim(OTHER_WORKER, afterLease, LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void givenAwaitingJob_claimAtPollTime_pollsUnderNewLeaseAndKeepsState() {
      Job awaiting = awaitingJob();
      Instant pollAt = awaiting.nextPollAt().orElseThrow();

      JobChange change = awaiting.claim(OTHER_WORKER, pollAt, LEASE_DURATION);
      Job polled = change.job();

      assertThat(polled.state()).isEqualTo(JobState.AWAITING_PROVIDER);
      assertThat(polled.attempts()).isEqualTo(awaiting.attempts());
      assertThat(polled.fence()).isEqualTo(awaiting.fence() + 1);
      assertThat(polled.lease()).contains(new Lease(OTHER_WORKER, awaiting.fence() + 1, pollAt.plus(LEASE_DURATION)));
      assertThat(polled.providerTask()).contains(TASK);
      assertThat(polled.nextPollAt()).contains(pollAt);
      assertQuiet(change);
    }

    @Test
    void givenAwaitingJob_claimBeforePollTimeOrAtDeadline_throws() {
      Job awaiting = awaitingJob();
      Instant pollAt = awaiting.nextPollAt().orElseThrow();

      assertThatThrownBy(() -> awaiting.claim(WORKER, pollAt.minusMillis(1), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> awaiting.claim(WORKER, DEADLINE, LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void givenAwaitingJobWithLivePollLease_claim_throws() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      assertThat(polled.isDueAt(T0.plusSeconds(16))).isFalse();
      assertThatThrownBy(() -> polled.claim(OTHER_WORKER, T0.plusSeconds(16), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void givenAwaitingJobWithExpiredPollLease_claim_takesOverWithHigherFence() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();
      Instant expiry = leaseOf(polled).expiresAt();

      Job takenOver = polled.claim(OTHER_WORKER, expiry, LEASE_DURATION).job();

      assertThat(takenOver.fence()).isEqualTo(polled.fence() + 1);
      assertThat(leaseOf(takenOver).worker()).isEqualTo(OTHER_WORKER);
      assertThat(takenOver.isLeasedBy(leaseOf(polled))).isFalse();
    }

    @Test
    void givenDeliveringJob_claimWhileWorkerHoldsLease_throwsButAfterExpiryDeliversAgain() {
      Job delivering = deliveringJob();
      Instant expiry = leaseOf(delivering).expiresAt();

      assertThatThrownBy(() -> delivering.claim(OTHER_WORKER, expiry.minusMillis(1), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);

      // A captured result is delivered even past the deadline.
      Job again = delivering.claim(OTHER_WORKER, DEADLINE.plusSeconds(600), LEASE_DURATION).job();
      assertThat(again.state()).isEqualTo(JobState.DELIVERING);
      assertThat(again.fence()).isEqualTo(delivering.fence() + 1);
      assertThat(again.result()).contains(RESULT);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED"})
    void givenTerminalJob_claim_throws(JobState state) {
      Job job = jobIn(state);

      assertThatThrownBy(() -> job.claim(WORKER, T0.plusSeconds(30), LEASE_DURATION))
          .isInstanceOf(IllegalJobTransitionException.class);
    }
  }

  @Nested
  class IsDueAtAndIsLeasedBy {

    @Test
    void givenQueuedJob_isDueAt_fromNextAttemptUntilDeadline() {
      Job job = queuedJob();

      assertThat(job.isDueAt(T0.minusMillis(1))).isFalse();
      assertThat(job.isDueAt(T0)).isTrue();
      assertThat(job.isDueAt(DEADLINE.minusMillis(1))).isTrue();
      assertThat(job.isDueAt(DEADLINE)).isFalse();
    }

    @Test
    void givenRunningJob_isDueAt_never() {
      Job job = runningJob();

      assertThat(job.isDueAt(T0)).isFalse();
      assertThat(job.isDueAt(leaseOf(job).expiresAt().plusSeconds(1))).isFalse();
    }

    @Test
    void givenAwaitingJob_isDueAt_fromNextPollUntilDeadline() {
      Job job = awaitingJob();
      Instant pollAt = job.nextPollAt().orElseThrow();

      assertThat(job.isDueAt(pollAt.minusMillis(1))).isFalse();
      assertThat(job.isDueAt(pollAt)).isTrue();
      assertThat(job.isDueAt(DEADLINE.minusMillis(1))).isTrue();
      assertThat(job.isDueAt(DEADLINE)).isFalse();
    }

    @Test
    void givenDeliveringJob_isDueAt_onceItsLeaseExpires() {
      Job job = deliveringJob();
      Instant expiry = leaseOf(job).expiresAt();

      assertThat(job.isDueAt(expiry.minusMillis(1))).isFalse();
      assertThat(job.isDueAt(expiry)).isTrue();
      assertThat(job.isDueAt(DEADLINE.plusSeconds(3_600))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED"})
    void givenTerminalJob_isDueAt_never(JobState state) {
      Job job = jobIn(state);

      assertThat(job.isDueAt(T0)).isFalse();
      assertThat(job.isDueAt(T0.plusSeconds(60))).isFalse();
      assertThat(job.isDueAt(DEADLINE.plusSeconds(60))).isFalse();
    }

    @Test
    void givenRunningJob_isLeasedBy_onlyItsExactLease() {
      Job job = runningJob();
      Lease lease = leaseOf(job);

      assertThat(job.isLeasedBy(lease)).isTrue();
      assertThat(job.isLeasedBy(new Lease(WORKER, lease.fence(), lease.expiresAt()))).isTrue();
      assertThat(job.isLeasedBy(new Lease(OTHER_WORKER, lease.fence(), lease.expiresAt()))).isFalse();
      assertThat(job.isLeasedBy(new Lease(WORKER, lease.fence() + 1, lease.expiresAt()))).isFalse();
      assertThat(job.isLeasedBy(new Lease(WORKER, lease.fence(), lease.expiresAt().plusMillis(1)))).isFalse();
    }

    @Test
    void givenJobWithoutLease_isLeasedBy_nothing() {
      Lease any = new Lease(WORKER, 1, T0.plus(LEASE_DURATION));

      assertThat(queuedJob().isLeasedBy(any)).isFalse();
      assertThat(awaitingJob().isLeasedBy(any)).isFalse();
    }
  }

  @Nested
  class Running {

    @Test
    void givenRunningJob_submitted_awaitsProviderWithoutLease() {
      Job running = runningJob();

      JobChange change = running.submitted(leaseOf(running), TASK, Progress.of(5), T0.plusSeconds(20), T0.plusSeconds(4));
      Job awaiting = change.job();

      assertThat(awaiting.state()).isEqualTo(JobState.AWAITING_PROVIDER);
      assertThat(awaiting.lease()).isEmpty();
      assertThat(awaiting.providerTask()).contains(TASK);
      assertThat(awaiting.nextPollAt()).contains(T0.plusSeconds(20));
      assertThat(awaiting.progress()).isEqualTo(Progress.of(5));
      assertThat(awaiting.fence()).isEqualTo(running.fence());
      assertThat(awaiting.attempts()).isEqualTo(1);
      assertThat(awaiting.updatedAt()).isEqualTo(T0.plusSeconds(4));
      assertQuiet(change);
    }

    @Test
    void givenRunningJob_submittedWithPollBeforeNow_throws() {
      Job running = runningJob();
      Lease lease = leaseOf(running);

      assertThatThrownBy(() -> running.submitted(lease, TASK, Progress.NONE, T0.plusSeconds(3), T0.plusSeconds(4)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("before now");
      // Polling at once is fine.
      assertThat(running.submitted(lease, TASK, Progress.NONE, T0.plusSeconds(4), T0.plusSeconds(4)).job().nextPollAt())
          .contains(T0.plusSeconds(4));
    }

    @Test
    void givenRunningJob_resultReady_capturesHoldAndKeepsLease() {
      Job running = runningJob();

      JobChange change = running.resultReady(leaseOf(running), RESULT, T0.plusSeconds(9));
      Job delivering = change.job();

      assertThat(delivering.state()).isEqualTo(JobState.DELIVERING);
      assertThat(change.holdAction()).isEqualTo(HoldAction.CAPTURE);
      assertThat(change.notice()).isEqualTo(JobNotice.RESULT_READY);
      assertThat(change.keyReport()).isEmpty();
      assertThat(delivering.lease()).isEqualTo(running.lease());
      assertThat(delivering.isLeasedBy(leaseOf(running))).isTrue();
      assertThat(delivering.result()).contains(RESULT);
      assertThat(delivering.progress()).isEqualTo(Progress.DONE);
      assertThat(delivering.fence()).isEqualTo(running.fence());
    }

    @Test
    void givenResultAtTheDeadline_resultReady_expiresInsteadOfCapturing() {
      Job running = runningJob();

      JobChange change = running.resultReady(leaseOf(running), RESULT, DEADLINE);

      assertThat(change.job().state()).isEqualTo(JobState.EXPIRED);
      assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_EXPIRED);
      assertThat(change.notice()).isEqualTo(JobNotice.EXPIRED);
      assertThat(change.job().result()).isEmpty();
      assertThat(change.job().isLeasedBy(leaseOf(running))).isFalse();
    }

    @Test
    void givenResultJustBeforeTheDeadline_resultReady_captures() {
      Job running = runningJob();

      JobChange change = running.resultReady(leaseOf(running), RESULT, DEADLINE.minusMillis(1));

      assertThat(change.holdAction()).isEqualTo(HoldAction.CAPTURE);
    }

    @Test
    void givenDeliveringJob_delivered_succeedsWithoutTouchingHold() {
      Job delivering = deliveringJob();

      JobChange change = delivering.delivered(leaseOf(delivering), T0.plusSeconds(12));
      Job succeeded = change.job();

      assertThat(succeeded.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(change.holdAction()).isEqualTo(HoldAction.NONE);
      assertThat(change.notice()).isEqualTo(JobNotice.NONE);
      assertThat(succeeded.lease()).isEmpty();
      assertThat(succeeded.result()).contains(RESULT);
      assertThat(succeeded.updatedAt()).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void givenRunningJob_movesOfOtherStates_throw() {
      Job running = runningJob();
      Lease lease = leaseOf(running);

      assertThatThrownBy(() -> running.stillRunning(lease, Progress.of(10), T0.plusSeconds(20), T0.plusSeconds(5)))
          .isInstanceOf(IllegalJobTransitionException.class)
          .hasMessageContaining("not allowed");
      assertThatThrownBy(() -> running.delivered(lease, T0.plusSeconds(5)))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void givenNullArguments_transitions_throw() {
      Job running = runningJob();
      Lease lease = leaseOf(running);

      assertThatThrownBy(() -> running.submitted(lease, null, Progress.NONE, T0, T0))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> running.submitted(null, TASK, Progress.NONE, T0, T0))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> running.resultReady(lease, null, T0)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> running.attemptFailed(lease, null, Optional.empty(), RetryPolicy.DEFAULT, T0,
          seededRandom())).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> running.cancel(null, T0)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class AwaitingProvider {

    @Test
    void givenPolledJob_stillRunning_recordsProgressAndReleasesLease() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      JobChange change = polled.stillRunning(leaseOf(polled), Progress.of(40), T0.plusSeconds(30), T0.plusSeconds(16));
      Job awaiting = change.job();

      assertThat(awaiting.state()).isEqualTo(JobState.AWAITING_PROVIDER);
      assertThat(awaiting.progress()).isEqualTo(Progress.of(40));
      assertThat(awaiting.nextPollAt()).contains(T0.plusSeconds(30));
      assertThat(awaiting.lease()).isEmpty();
      assertThat(awaiting.providerTask()).contains(TASK);
      assertThat(awaiting.fence()).isEqualTo(polled.fence());
      assertQuiet(change);
    }

    @Test
    void givenProgressReported_stillRunningWithLowerProgress_neverGoesBackwards() {
      Job awaiting = pollAndReport(awaitingJob(), Progress.of(60), T0.plusSeconds(15));
      Job later = pollAndReport(awaiting, Progress.of(20), T0.plusSeconds(30));
      Job latest = pollAndReport(later, Progress.of(75), T0.plusSeconds(45));

      assertThat(awaiting.progress()).isEqualTo(Progress.of(60));
      assertThat(later.progress()).isEqualTo(Progress.of(60));
      assertThat(latest.progress()).isEqualTo(Progress.of(75));
    }

    @Test
    void givenPolledJob_stillRunningWithPollBeforeNow_throws() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      assertThatThrownBy(() -> polled.stillRunning(leaseOf(polled), Progress.of(1), T0.plusSeconds(15),
          T0.plusSeconds(16))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenPolledJob_resultReady_capturesHold() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      JobChange change = polled.resultReady(leaseOf(polled), RESULT, T0.plusSeconds(16));

      assertThat(change.job().state()).isEqualTo(JobState.DELIVERING);
      assertThat(change.holdAction()).isEqualTo(HoldAction.CAPTURE);
      assertThat(change.notice()).isEqualTo(JobNotice.RESULT_READY);
      assertThat(change.job().lease()).isEqualTo(polled.lease());
      assertThat(change.job().providerTask()).contains(TASK);
    }

    @Test
    void givenPolledJob_attemptFailedWithoutUsedKey_reportsTheTasksKey() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      JobChange change = polled.attemptFailed(leaseOf(polled), Failure.of(FailureClass.RATE_LIMIT, "429"),
          Optional.empty(), RetryPolicy.DEFAULT, T0.plusSeconds(16), seededRandom());

      assertThat(change.keyReport()).contains(new KeyReport(KEY, dev.rei.domain.provider.KeyEffect.COOL_DOWN));
      assertThat(change.job().state()).isEqualTo(JobState.QUEUED);
      assertThat(change.job().providerTask()).isEmpty();
      assertThat(change.job().nextPollAt()).isEmpty();
      assertThat(change.job().progress()).isEqualTo(Progress.NONE);
    }

    @Test
    void givenPolledJob_submittedAgain_throws() {
      Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

      assertThatThrownBy(() -> polled.submitted(leaseOf(polled), TASK, Progress.NONE, T0.plusSeconds(30),
          T0.plusSeconds(16))).isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> polled.delivered(leaseOf(polled), T0.plusSeconds(16)))
          .isInstanceOf(IllegalJobTransitionException.class);
    }

    private Job pollAndReport(Job awaiting, Progress reported, Instant at) {
      Job polled = awaiting.claim(WORKER, at, LEASE_DURATION).job();
      return polled.stillRunning(leaseOf(polled), reported, at.plusSeconds(15), at).job();
    }
  }

  @Nested
  class Delivering {

    @Test
    void givenDeliveringJob_failureOrProgressMoves_throw() {
      Job delivering = deliveringJob();
      Lease lease = leaseOf(delivering);

      assertThatThrownBy(() -> delivering.attemptFailed(lease, Failure.of(FailureClass.TEMPORARY, "telegram 502"),
          Optional.empty(), RetryPolicy.DEFAULT, T0.plusSeconds(12), seededRandom()))
          .isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> delivering.resultReady(lease, RESULT, T0.plusSeconds(12)))
          .isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> delivering.submitted(lease, TASK, Progress.NONE, T0.plusSeconds(20), T0.plusSeconds(12)))
          .isInstanceOf(IllegalJobTransitionException.class);
      assertThatThrownBy(() -> delivering.stillRunning(lease, Progress.NONE, T0.plusSeconds(20), T0.plusSeconds(12)))
          .isInstanceOf(IllegalJobTransitionException.class);
    }
  }

  static Job retriedAfterTemporaryFailure() {
    Job running = runningJob();
    return running.attemptFailed(leaseOf(running), Failure.of(FailureClass.TEMPORARY, "502 Bad Gateway"),
        Optional.empty(), RetryPolicy.DEFAULT, T0.plusSeconds(2), seededRandom()).job();
  }

  static void assertQuiet(JobChange change) {
    assertThat(change.holdAction()).isEqualTo(HoldAction.NONE);
    assertThat(change.keyReport()).isEmpty();
    assertThat(change.notice()).isEqualTo(JobNotice.NONE);
    assertThat(change.ledgerRequest()).isEmpty();
  }
}
