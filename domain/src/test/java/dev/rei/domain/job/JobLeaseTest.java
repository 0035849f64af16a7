package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.DEADLINE;
import static dev.rei.domain.fixtures.JobFixtures.KEY;
import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.OTHER_WORKER;
import static dev.rei.domain.fixtures.JobFixtures.RESULT;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.TASK;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.awaitingJob;
import static dev.rei.domain.fixtures.JobFixtures.deliveringJob;
import static dev.rei.domain.fixtures.JobFixtures.jobIn;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static dev.rei.domain.fixtures.JobFixtures.runningJob;
import static dev.rei.domain.fixtures.JobFixtures.seededRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leases and fencing: a worker that lost its job (taken over, cancelled, expired) can no longer move it. */
class JobLeaseTest {

  private final RandomGenerator random = seededRandom();

  @Test
  void givenRunningJobTakenOver_everyCallWithTheOldLease_throws() {
    Job running = runningJob();
    Lease old = leaseOf(running);
    Instant late = old.expiresAt().plusSeconds(1);

    Job rescued = running.leaseExpired(late, RetryPolicy.DEFAULT, random).job();
    Job takenOver = rescued.claim(OTHER_WORKER, rescued.nextAttemptAt().orElseThrow(), LEASE_DURATION).job();

    assertThat(takenOver.state()).isEqualTo(JobState.RUNNING);
    assertThat(takenOver.fence()).isGreaterThan(old.fence());
    assertEveryLeasedCallThrows(takenOver, old, takenOver.updatedAt().plusSeconds(1));
    assertEveryLeasedCallThrows(rescued, old, late);
    // The new holder is unaffected.
    assertThat(takenOver.resultReady(leaseOf(takenOver), RESULT, takenOver.updatedAt().plusSeconds(1)).holdAction())
        .isEqualTo(HoldAction.CAPTURE);
  }

  @Test
  void givenAwaitingJobPollTakenOver_oldPollersCalls_throw() {
    Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();
    Lease old = leaseOf(polled);
    Instant late = old.expiresAt();

    Job rescued = polled.leaseExpired(late, RetryPolicy.DEFAULT, random).job();
    Job takenOver = rescued.claim(OTHER_WORKER, late, LEASE_DURATION).job();

    assertEveryLeasedCallThrows(takenOver, old, late.plusSeconds(1));
    assertThat(takenOver.stillRunning(leaseOf(takenOver), Progress.of(50), late.plusSeconds(20), late.plusSeconds(1))
        .job().progress()).isEqualTo(Progress.of(50));
  }

  @Test
  void givenDeliveringJobTakenOver_oldDeliverer_cannotFinish() {
    Job delivering = deliveringJob();
    Lease old = leaseOf(delivering);

    Job rescued = delivering.leaseExpired(old.expiresAt(), RetryPolicy.DEFAULT, random).job();
    Job takenOver = rescued.claim(OTHER_WORKER, old.expiresAt(), LEASE_DURATION).job();

    assertThatThrownBy(() -> takenOver.delivered(old, old.expiresAt().plusSeconds(1)))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("stale");
    assertThat(takenOver.delivered(leaseOf(takenOver), old.expiresAt().plusSeconds(1)).job().state())
        .isEqualTo(JobState.SUCCEEDED);
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"RUNNING", "AWAITING_PROVIDER"})
  void givenCancelledJob_lateResult_isRefusedAndNeverCharged(JobState stateWhenCancelled) {
    Job job = leased(stateWhenCancelled);
    Lease worker = leaseOf(job);

    JobChange cancel = job.cancel(CancelledBy.USER, job.updatedAt().plusSeconds(1));
    Job cancelled = cancel.job();

    assertThat(cancel.holdAction()).isEqualTo(HoldAction.RELEASE_CANCELLED);
    assertThat(cancelled.fence()).isGreaterThan(worker.fence());
    assertEveryLeasedCallThrows(cancelled, worker, cancelled.updatedAt().plusSeconds(1));
    assertThatThrownBy(() -> cancelled.resultReady(worker, RESULT, cancelled.updatedAt().plusSeconds(1)))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("stale");
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"RUNNING", "AWAITING_PROVIDER"})
  void givenExpiredJob_lateResult_isRefusedAndNeverCharged(JobState stateWhenExpired) {
    Job job = leased(stateWhenExpired);
    Lease worker = leaseOf(job);

    JobChange expire = job.expire(DEADLINE);

    assertThat(expire.holdAction()).isEqualTo(HoldAction.RELEASE_EXPIRED);
    assertEveryLeasedCallThrows(expire.job(), worker, DEADLINE.plusSeconds(1));
  }

  @Test
  void givenRunningJobWithExpiredLease_leaseExpired_retriesAsTemporaryWithoutKeyReport() {
    Job running = runningJob();
    Instant expiry = leaseOf(running).expiresAt();

    JobChange change = running.leaseExpired(expiry, RetryPolicy.DEFAULT, random);
    Job queued = change.job();

    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(queued.lease()).isEmpty();
    assertThat(queued.fence()).isEqualTo(running.fence() + 1);
    assertThat(queued.lastFailure().orElseThrow().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(queued.nextAttemptAt().orElseThrow()).isBetween(expiry.plusSeconds(8), expiry.plusSeconds(12));
    assertThat(change.holdAction()).isEqualTo(HoldAction.NONE);
    assertThat(change.keyReport()).isEmpty();
    assertThat(change.notice()).isEqualTo(JobNotice.RETRYING);
  }

  @Test
  void givenLastAttemptWithExpiredLease_leaseExpired_failsAndReleasesHold() {
    Job job = runningJob();
    for (int attempt = 1; attempt < RetryPolicy.DEFAULT.maxAttempts(); attempt++) {
      Job queued = job.leaseExpired(leaseOf(job).expiresAt(), RetryPolicy.DEFAULT, random).job();
      job = queued.claim(WORKER, queued.nextAttemptAt().orElseThrow(), LEASE_DURATION).job();
    }
    assertThat(job.attempts()).isEqualTo(3);

    JobChange change = job.leaseExpired(leaseOf(job).expiresAt(), RetryPolicy.DEFAULT, random);

    assertThat(change.job().state()).isEqualTo(JobState.FAILED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(change.keyReport()).isEmpty();
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
  }

  @Test
  void givenPolledJobWithExpiredLease_leaseExpired_staysAwaitingAndIsDueAtOnce() {
    Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();
    Instant late = leaseOf(polled).expiresAt().plusSeconds(7);

    JobChange change = polled.leaseExpired(late, RetryPolicy.DEFAULT, random);
    Job awaiting = change.job();

    assertThat(awaiting.state()).isEqualTo(JobState.AWAITING_PROVIDER);
    assertThat(awaiting.lease()).isEmpty();
    assertThat(awaiting.nextPollAt()).contains(late);
    assertThat(awaiting.fence()).isEqualTo(polled.fence() + 1);
    assertThat(awaiting.attempts()).isEqualTo(polled.attempts());
    assertThat(awaiting.providerTask()).contains(TASK);
    assertThat(awaiting.isDueAt(late)).isTrue();
    JobLifecycleTest.assertQuiet(change);
  }

  @Test
  void givenDeliveringJobWithExpiredLease_leaseExpired_clearsLeaseOnly() {
    Job delivering = deliveringJob();
    Instant expiry = leaseOf(delivering).expiresAt();

    JobChange change = delivering.leaseExpired(expiry, RetryPolicy.DEFAULT, random);

    assertThat(change.job().state()).isEqualTo(JobState.DELIVERING);
    assertThat(change.job().lease()).isEmpty();
    assertThat(change.job().fence()).isEqualTo(delivering.fence() + 1);
    assertThat(change.job().result()).contains(RESULT);
    assertThat(change.job().isDueAt(expiry)).isTrue();
    JobLifecycleTest.assertQuiet(change);
  }

  @Test
  void givenRunningJob_releasedByItsWorker_retriesAsTemporaryAtOnce_withoutWaitingForTheLease() {
    Job running = runningJob();
    Lease lease = leaseOf(running);
    Instant early = lease.expiresAt().minusSeconds(60);

    JobChange change = running.released(lease, early, RetryPolicy.DEFAULT, random);

    assertThat(change.job().state()).isEqualTo(JobState.QUEUED);
    assertThat(change.job().lease()).isEmpty();
    assertThat(change.job().fence()).isEqualTo(running.fence() + 1);
    assertThat(change.job().lastFailure().orElseThrow().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(change.holdAction()).isEqualTo(HoldAction.NONE);
    assertEveryLeasedCallThrows(change.job(), lease, early);
  }

  @Test
  void givenPolledJob_releasedByItsWorker_staysAwaitingAndIsDueAtOnce() {
    Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();
    Instant now = T0.plusSeconds(16);

    Job awaiting = polled.released(leaseOf(polled), now, RetryPolicy.DEFAULT, random).job();

    assertThat(awaiting.state()).isEqualTo(JobState.AWAITING_PROVIDER);
    assertThat(awaiting.lease()).isEmpty();
    assertThat(awaiting.isDueAt(now)).isTrue();
  }

  @Test
  void givenJobLeasedByAnother_released_throws() {
    Job running = runningJob();
    Lease other = new Lease(new WorkerId("someone-else"), leaseOf(running).fence(), leaseOf(running).expiresAt());

    assertThatThrownBy(() -> running.released(other, T0, RetryPolicy.DEFAULT, random))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("not leased by");
  }

  @Test
  void givenLiveLease_leaseExpired_throws() {
    Job running = runningJob();
    Instant expiry = leaseOf(running).expiresAt();

    assertThatThrownBy(() -> running.leaseExpired(expiry.minusMillis(1), RetryPolicy.DEFAULT, random))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("no expired lease");
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "AWAITING_PROVIDER", "SUCCEEDED", "FAILED", "CANCELLED",
      "EXPIRED"})
  void givenJobWithoutLease_leaseExpired_throws(JobState state) {
    Job job = jobIn(state);

    assertThat(job.lease()).isEmpty();
    assertThatThrownBy(() -> job.leaseExpired(DEADLINE.plusSeconds(3_600), RetryPolicy.DEFAULT, random))
        .isInstanceOf(IllegalJobTransitionException.class);
  }

  @Test
  void givenWorkerWhoseLeaseLapsedButWasNotTakenOver_resultReady_isStillAccepted() {
    // The fence, not the clock, decides: until someone else takes the job, its holder may finish it.
    Job running = runningJob();
    Lease lapsed = leaseOf(running);

    JobChange change = running.resultReady(lapsed, RESULT, lapsed.expiresAt().plusSeconds(30));

    assertThat(change.holdAction()).isEqualTo(HoldAction.CAPTURE);
  }

  /** A job in {@code state} held by {@link dev.rei.domain.fixtures.JobFixtures#WORKER}. */
  private static Job leased(JobState state) {
    return state == JobState.RUNNING
        ? runningJob()
        : awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();
  }

  /** Every transition that needs a lease, called with {@code stale}, throws and changes nothing. */
  static void assertEveryLeasedCallThrows(Job job, Lease stale, Instant now) {
    assertThat(job.isLeasedBy(stale)).isFalse();
    List<Function<Job, JobChange>> calls = List.of(
        j -> j.submitted(stale, TASK, Progress.of(10), now.plusSeconds(10), now),
        j -> j.stillRunning(stale, Progress.of(10), now.plusSeconds(10), now),
        j -> j.resultReady(stale, RESULT, now),
        j -> j.delivered(stale, now),
        j -> j.attemptFailed(stale, Failure.of(FailureClass.BILLING, "out of funds"), Optional.of(KEY),
            RetryPolicy.DEFAULT, now, seededRandom()));
    for (Function<Job, JobChange> call : calls) {
      ThrowingCallable attempt = () -> call.apply(job);
      assertThatThrownBy(attempt).isInstanceOf(IllegalJobTransitionException.class);
    }
  }
}
