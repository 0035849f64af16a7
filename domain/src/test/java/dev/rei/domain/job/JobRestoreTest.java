package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.RESULT;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.TASK;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.awaitingJob;
import static dev.rei.domain.fixtures.JobFixtures.cancelledJob;
import static dev.rei.domain.fixtures.JobFixtures.deliveringJob;
import static dev.rei.domain.fixtures.JobFixtures.failedJob;
import static dev.rei.domain.fixtures.JobFixtures.jobIn;
import static dev.rei.domain.fixtures.JobFixtures.queuedJob;
import static dev.rei.domain.fixtures.JobFixtures.runningJob;
import static dev.rei.domain.fixtures.JobFixtures.stored;
import static dev.rei.domain.fixtures.JobFixtures.succeededJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.fixtures.JobFixtures.StoredJob;
import dev.rei.domain.ledger.Credits;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The canonical constructor restores a stored job only if its fields agree with its state. */
class JobRestoreTest {

  @ParameterizedTest
  @EnumSource(JobState.class)
  void givenJobReachedByTransitions_restore_givesAnEqualJob(JobState state) {
    Job job = jobIn(state);

    assertThat(stored(job).build()).isEqualTo(job);
  }

  @Test
  void givenQueuedWithoutNextAttempt_restore_throws() {
    assertRejected(stored(queuedJob()).nextAttemptAt(Optional.empty()), "next attempt");
  }

  @Test
  void givenRunningWithNextAttempt_restore_throws() {
    assertRejected(stored(runningJob()).nextAttemptAt(Optional.of(T0)), "next attempt");
  }

  @Test
  void givenRunningWithoutLease_restore_throws() {
    assertRejected(stored(runningJob()).lease(Optional.empty()), "lease");
  }

  @Test
  void givenQueuedOrTerminalWithLease_restore_throws() {
    Lease lease = new Lease(WORKER, 1, T0.plusSeconds(60));

    assertRejected(stored(queuedJob()).fence(1).lease(Optional.of(lease)), "has no lease");
    assertRejected(stored(succeededJob()).lease(Optional.of(new Lease(WORKER, succeededJob().fence(), T0))),
        "has no lease");
  }

  @Test
  void givenLeaseFenceOtherThanJobFence_restore_throws() {
    Job running = runningJob();

    assertRejected(stored(running).fence(running.fence() + 1), "fence");
  }

  @Test
  void givenAwaitingWithoutTaskOrPollTime_restore_throws() {
    assertRejected(stored(awaitingJob()).providerTask(Optional.empty()), "provider task");
    assertRejected(stored(awaitingJob()).nextPollAt(Optional.empty()), "next poll");
  }

  @Test
  void givenRunningWithPollTime_restore_throws() {
    assertRejected(stored(runningJob()).nextPollAt(Optional.of(T0)), "next poll");
  }

  @Test
  void givenSucceededOrDeliveringWithoutResult_restore_throws() {
    assertRejected(stored(succeededJob()).result(Optional.empty()), "result");
    assertRejected(stored(deliveringJob()).result(Optional.empty()), "result");
  }

  @Test
  void givenRunningWithResult_restore_throws() {
    assertRejected(stored(runningJob()).result(Optional.of(RESULT)), "result");
  }

  @Test
  void givenFailedWithoutFailure_restore_throws() {
    assertRejected(stored(failedJob()).lastFailure(Optional.empty()), "failure");
  }

  @Test
  void givenCancelledWithoutCancellerOrOtherStateWithOne_restore_throws() {
    assertRejected(stored(cancelledJob()).cancelledBy(Optional.empty()), "cancelled");
    assertRejected(stored(failedJob()).cancelledBy(Optional.of(CancelledBy.USER)), "cancelled");
  }

  @Test
  void givenDeadlineNotAfterCreation_restore_throws() {
    Job job = queuedJob();

    assertRejected(stored(job).deadline(job.createdAt()), "deadline");
    assertRejected(stored(job).deadline(job.createdAt().minusSeconds(1)), "deadline");
  }

  @Test
  void givenFreeJob_restore_throws() {
    assertRejected(stored(queuedJob()).price(Credits.ZERO), "credit");
  }

  @Test
  void givenNegativeCounters_restore_throws() {
    assertRejected(stored(queuedJob()).attempts(-1), "negative");
    assertRejected(stored(queuedJob()).fence(-1), "negative");
  }

  @Test
  void givenMissingField_restore_throws() {
    assertThatThrownBy(() -> stored(queuedJob()).nextAttemptAt(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> stored(queuedJob()).progress(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> stored(queuedJob()).deadline(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> stored(queuedJob()).state(null).build()).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenAwaitingJobBeingPolled_restore_acceptsItsLease() {
    Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION)
        .job();

    assertThat(stored(polled).build()).isEqualTo(polled);
    assertThat(polled.providerTask()).contains(TASK);
  }

  @Test
  void givenDeliveringJobWithoutLease_restore_isValid() {
    Job delivering = deliveringJob();

    Job unleased = stored(delivering).lease(Optional.empty()).fence(delivering.fence() + 1).build();

    assertThat(unleased.isDueAt(T0.plusSeconds(11))).isTrue();
  }

  private static void assertRejected(StoredJob job, String reason) {
    assertThatThrownBy(job::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
