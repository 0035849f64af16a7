package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.fixtures.JobFixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobDueNowTest {

  @Test
  void givenQueuedJobWaitingForRetry_dueNow_makesItClaimableNow_andChangesNothingElse() {
    Job running = JobFixtures.queuedJob().claim(WORKER, T0, LEASE_DURATION).job();
    Job waiting = running.attemptFailed(JobFixtures.leaseOf(running), Failure.of(FailureClass.TEMPORARY, "503"),
        Optional.empty(), RetryPolicy.DEFAULT, T0.plusSeconds(1), JobFixtures.seededRandom()).job();
    Instant now = T0.plusSeconds(2);
    assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
    assertThat(waiting.isDueAt(now)).isFalse();

    Job due = waiting.dueNow(now);

    assertThat(due.isDueAt(now)).isTrue();
    assertThat(due.nextAttemptAt()).contains(now);
    assertThat(due.attempts()).isEqualTo(waiting.attempts());
    assertThat(due.fence()).isEqualTo(waiting.fence());
    assertThat(due.dueNow(now.plusSeconds(1))).isEqualTo(due);
  }

  @Test
  void givenAwaitingJob_dueNow_pollsItNow() {
    Job awaiting = JobFixtures.awaitingJob();
    Instant now = awaiting.nextPollAt().orElseThrow().minusSeconds(5);

    Job due = awaiting.dueNow(now);

    assertThat(due.nextPollAt()).contains(now);
    assertThat(due.state()).isEqualTo(JobState.AWAITING_PROVIDER);
  }

  @Test
  void givenJobAlreadyDue_dueNow_returnsItUnchanged() {
    Job queued = JobFixtures.queuedJob();

    assertThat(queued.dueNow(T0.plusSeconds(1))).isSameAs(queued);
  }

  @Test
  void givenRunningOrEndedJob_dueNow_isIllegal() {
    assertThatThrownBy(() -> JobFixtures.runningJob().dueNow(T0)).isInstanceOf(IllegalJobTransitionException.class);
    assertThatThrownBy(() -> JobFixtures.failedJob().dueNow(T0)).isInstanceOf(IllegalJobTransitionException.class);
  }
}
