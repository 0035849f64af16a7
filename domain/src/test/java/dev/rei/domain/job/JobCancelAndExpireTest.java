package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.DEADLINE;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.jobIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.TransferRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancellation by a user or admin, and expiry at the deadline: both release the hold, both only before a result. */
class JobCancelAndExpireTest {

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "RUNNING", "AWAITING_PROVIDER"})
  void givenCancellableJob_cancelByUser_releasesHoldAndSaysCancelled(JobState state) {
    Job job = jobIn(state);
    java.time.Instant now = job.updatedAt().plusSeconds(1);

    JobChange change = job.cancel(CancelledBy.USER, now);
    Job cancelled = change.job();

    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.cancelledBy()).contains(CancelledBy.USER);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_CANCELLED);
    assertThat(change.notice()).isEqualTo(JobNotice.CANCELLED);
    assertThat(change.keyReport()).isEmpty();
    assertThat(cancelled.lease()).isEmpty();
    assertThat(cancelled.nextAttemptAt()).isEmpty();
    assertThat(cancelled.nextPollAt()).isEmpty();
    assertThat(cancelled.fence()).isEqualTo(job.fence() + 1);
    assertThat(cancelled.updatedAt()).isEqualTo(now);
    assertThat(change.ledgerRequest()).get().isInstanceOfSatisfying(TransferRequest.Release.class,
        release -> assertThat(release.reason()).isEqualTo(ReleaseReason.CANCELLED));
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "RUNNING", "AWAITING_PROVIDER"})
  void givenCancellableJob_cancelByAdmin_recordsTheAdmin(JobState state) {
    Job cancelled = jobIn(state).cancel(CancelledBy.ADMIN, T0.plusSeconds(20)).job();

    assertThat(cancelled.cancelledBy()).contains(CancelledBy.ADMIN);
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"DELIVERING", "SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED"})
  void givenDeliveringOrFinishedJob_cancel_throws(JobState state) {
    Job job = jobIn(state);

    assertThatThrownBy(() -> job.cancel(CancelledBy.USER, T0.plusSeconds(20)))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("cannot cancel");
    assertThatThrownBy(() -> job.cancel(CancelledBy.ADMIN, T0.plusSeconds(20)))
        .isInstanceOf(IllegalJobTransitionException.class);
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "RUNNING", "AWAITING_PROVIDER"})
  void givenCancellableJobAtDeadline_expire_releasesHoldAndSaysExpired(JobState state) {
    Job job = jobIn(state);

    JobChange change = job.expire(DEADLINE);
    Job expired = change.job();

    assertThat(expired.state()).isEqualTo(JobState.EXPIRED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_EXPIRED);
    assertThat(change.notice()).isEqualTo(JobNotice.EXPIRED);
    assertThat(change.keyReport()).isEmpty();
    assertThat(expired.lease()).isEmpty();
    assertThat(expired.cancelledBy()).isEmpty();
    assertThat(expired.fence()).isEqualTo(job.fence() + 1);
    assertThat(expired.updatedAt()).isEqualTo(DEADLINE);
    assertThat(change.ledgerRequest()).get().isInstanceOfSatisfying(TransferRequest.Release.class,
        release -> assertThat(release.reason()).isEqualTo(ReleaseReason.EXPIRED));
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "RUNNING", "AWAITING_PROVIDER"})
  void givenCancellableJobPastDeadline_expire_expires(JobState state) {
    assertThat(jobIn(state).expire(DEADLINE.plusSeconds(3_600)).job().state()).isEqualTo(JobState.EXPIRED);
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"QUEUED", "RUNNING", "AWAITING_PROVIDER"})
  void givenCancellableJobBeforeDeadline_expire_throws(JobState state) {
    Job job = jobIn(state);

    assertThat(job.isPastDeadlineAt(DEADLINE.minusMillis(1))).isFalse();
    assertThat(job.isPastDeadlineAt(DEADLINE)).isTrue();
    assertThatThrownBy(() -> job.expire(DEADLINE.minusMillis(1)))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("has not passed");
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"DELIVERING", "SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED"})
  void givenDeliveringOrFinishedJob_expire_throwsEvenPastDeadline(JobState state) {
    Job job = jobIn(state);

    assertThat(job.isPastDeadlineAt(DEADLINE.plusSeconds(60))).isFalse();
    assertThatThrownBy(() -> job.expire(DEADLINE.plusSeconds(60)))
        .isInstanceOf(IllegalJobTransitionException.class);
  }
}
