package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.KEY;
import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.OTHER_KEY;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.TASK;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.aJob;
import static dev.rei.domain.fixtures.JobFixtures.awaitingJob;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static dev.rei.domain.fixtures.JobFixtures.runningJob;
import static dev.rei.domain.fixtures.JobFixtures.seededRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rei.domain.provider.KeyEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Job#attemptFailed} under {@link RetryPolicy#DEFAULT}: the failure table of DESIGN §2.2, row by row. */
class JobFailureTest {

  private final RandomGenerator random = seededRandom();

  @Test
  void givenUserViolation_attemptFailed_failsAtOnceAndLeavesKeyAlone() {
    Job running = runningJob();
    Failure failure = Failure.of(FailureClass.USER_VIOLATION, "content policy");

    JobChange change = fail(running, failure, Optional.of(KEY), T0.plusSeconds(5));
    Job failed = change.job();

    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(change.keyReport()).isEmpty();
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
    assertThat(failed.lastFailure()).contains(failure);
    assertThat(failed.lease()).isEmpty();
    assertThat(failed.fence()).isEqualTo(running.fence() + 1);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void givenBillingFailure_attemptFailed_failsAndBlocksTheKey() {
    JobChange change = fail(runningJob(), Failure.of(FailureClass.BILLING, "insufficient balance"),
        Optional.of(KEY), T0.plusSeconds(5));

    assertThat(change.job().state()).isEqualTo(JobState.FAILED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(change.keyReport()).contains(new KeyReport(KEY, KeyEffect.BLOCK));
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
  }

  @Test
  void givenUnknownFailure_attemptFailed_failsAtOnce() {
    JobChange change = fail(runningJob(), Failure.of(FailureClass.UNKNOWN, "???"), Optional.of(KEY),
        T0.plusSeconds(5));

    assertThat(change.job().state()).isEqualTo(JobState.FAILED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(change.keyReport()).isEmpty();
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
  }

  @Test
  void givenRateLimit_attemptFailed_retriesAfter60And120SecondsThenFails() {
    Failure limited = Failure.of(FailureClass.RATE_LIMIT, "429 Too Many Requests");
    Job running = runningJob();

    Instant firstFailure = T0.plusSeconds(3);
    JobChange first = fail(running, limited, Optional.of(KEY), firstFailure);
    assertRetried(first, running, firstFailure, Duration.ofSeconds(60));
    assertThat(first.keyReport()).contains(new KeyReport(KEY, KeyEffect.COOL_DOWN));
    assertThat(first.notice()).isEqualTo(JobNotice.NONE);
    assertThat(first.job().retryNoticeSent()).isFalse();

    Job second = claimWhenDue(first.job());
    Instant secondFailure = second.updatedAt().plusSeconds(1);
    JobChange secondChange = fail(second, limited, Optional.of(OTHER_KEY), secondFailure);
    assertRetried(secondChange, second, secondFailure, Duration.ofSeconds(120));
    assertThat(secondChange.keyReport()).contains(new KeyReport(OTHER_KEY, KeyEffect.COOL_DOWN));
    assertThat(secondChange.notice()).isEqualTo(JobNotice.NONE);

    Job third = claimWhenDue(secondChange.job());
    assertThat(third.attempts()).isEqualTo(3);
    JobChange last = fail(third, limited, Optional.of(KEY), third.updatedAt().plusSeconds(1));
    assertThat(last.job().state()).isEqualTo(JobState.FAILED);
    assertThat(last.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(last.notice()).isEqualTo(JobNotice.FAILED);
    assertThat(last.keyReport()).contains(new KeyReport(KEY, KeyEffect.COOL_DOWN));
    assertThat(last.job().attempts()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
  }

  @Test
  void givenTemporaryFailures_attemptFailed_saysRetryingOnlyTheFirstTime() {
    Failure temporary = Failure.of(FailureClass.TEMPORARY, "504 Gateway Timeout");
    Job running = runningJob();

    Instant firstFailure = T0.plusSeconds(1);
    JobChange first = fail(running, temporary, Optional.of(KEY), firstFailure);
    assertRetried(first, running, firstFailure, Duration.ofSeconds(10));
    assertThat(first.notice()).isEqualTo(JobNotice.RETRYING);
    assertThat(first.keyReport()).isEmpty();
    assertThat(first.job().retryNoticeSent()).isTrue();

    Job second = claimWhenDue(first.job());
    Instant secondFailure = second.updatedAt().plusSeconds(1);
    JobChange secondChange = fail(second, temporary, Optional.of(KEY), secondFailure);
    assertRetried(secondChange, second, secondFailure, Duration.ofSeconds(20));
    assertThat(secondChange.notice()).isEqualTo(JobNotice.NONE);
    assertThat(secondChange.job().retryNoticeSent()).isTrue();

    Job third = claimWhenDue(secondChange.job());
    JobChange last = fail(third, temporary, Optional.of(KEY), third.updatedAt().plusSeconds(1));
    assertThat(last.job().state()).isEqualTo(JobState.FAILED);
    assertThat(last.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(last.notice()).isEqualTo(JobNotice.FAILED);
    assertThat(last.keyReport()).isEmpty();
  }

  @Test
  void givenRateLimitThenTemporary_attemptFailed_stillSaysRetryingOnce() {
    Job running = runningJob();
    JobChange limited = fail(running, Failure.of(FailureClass.RATE_LIMIT, "429"), Optional.of(KEY),
        T0.plusSeconds(1));
    Job second = claimWhenDue(limited.job());

    JobChange temporary = fail(second, Failure.of(FailureClass.TEMPORARY, "timeout"), Optional.of(KEY),
        second.updatedAt().plusSeconds(1));

    assertThat(limited.notice()).isEqualTo(JobNotice.NONE);
    assertThat(temporary.notice()).isEqualTo(JobNotice.RETRYING);
    assertThat(temporary.job().retryNoticeSent()).isTrue();
  }

  @Test
  void givenRetryWouldLandAtDeadline_attemptFailed_failsForGood() {
    // The earliest retry is 60 s − 20 % = 48 s after the failure; the deadline is sooner.
    Job running = aJob().deadlineAfter(Duration.ofSeconds(45)).queue().claim(WORKER, T0, LEASE_DURATION).job();
    Instant now = T0.plusSeconds(1);

    JobChange change = fail(running, Failure.of(FailureClass.RATE_LIMIT, "429"), Optional.of(KEY), now);

    assertThat(RetryPolicy.DEFAULT.decide(FailureClass.RATE_LIMIT, 1, now, running.deadline(), seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.PAST_DEADLINE));
    assertThat(change.job().state()).isEqualTo(JobState.FAILED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
    assertThat(change.keyReport()).contains(new KeyReport(KEY, KeyEffect.COOL_DOWN));
  }

  @Test
  void givenRetryLandingExactlyAtDeadline_attemptFailed_failsForGood() {
    RetryPolicy exact = new RetryPolicy(3, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10)), 2.0, 0.0);
    Job atEdge = aJob().deadlineAfter(Duration.ofSeconds(11)).queue().claim(WORKER, T0, LEASE_DURATION).job();
    Job pastEdge = aJob().deadlineAfter(Duration.ofMillis(11_001)).queue().claim(WORKER, T0, LEASE_DURATION).job();
    Failure timeout = Failure.of(FailureClass.TEMPORARY, "timeout");

    JobChange refused = atEdge.attemptFailed(leaseOf(atEdge), timeout, Optional.empty(), exact, T0.plusSeconds(1),
        random);
    JobChange retried = pastEdge.attemptFailed(leaseOf(pastEdge), timeout, Optional.empty(), exact,
        T0.plusSeconds(1), random);

    assertThat(refused.job().state()).isEqualTo(JobState.FAILED);
    assertThat(retried.job().state()).isEqualTo(JobState.QUEUED);
    assertThat(retried.job().nextAttemptAt()).contains(T0.plusSeconds(11));
  }

  @Test
  void givenCustomPolicy_attemptFailed_followsItsMaxAttempts() {
    RetryPolicy once = new RetryPolicy(1, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10)), 2.0, 0.2);
    Job running = runningJob();

    JobChange change = running.attemptFailed(leaseOf(running), Failure.of(FailureClass.TEMPORARY, "timeout"),
        Optional.empty(), once, T0.plusSeconds(1), random);

    assertThat(change.job().state()).isEqualTo(JobState.FAILED);
    assertThat(change.notice()).isEqualTo(JobNotice.FAILED);
  }

  @Test
  void givenCustomPolicyRetryingUnknown_attemptFailed_retriesIt() {
    RetryPolicy lenient = new RetryPolicy(3, Map.of(FailureClass.UNKNOWN, Duration.ofSeconds(5)), 2.0, 0.0);
    Job running = runningJob();

    JobChange change = running.attemptFailed(leaseOf(running), Failure.of(FailureClass.UNKNOWN, "odd"),
        Optional.empty(), lenient, T0.plusSeconds(1), random);

    assertThat(change.job().state()).isEqualTo(JobState.QUEUED);
    assertThat(change.job().nextAttemptAt()).contains(T0.plusSeconds(6));
    // Only a temporary failure says "retrying automatically".
    assertThat(change.notice()).isEqualTo(JobNotice.NONE);
  }

  @ParameterizedTest
  @EnumSource(FailureClass.class)
  void givenRunningJobWithoutTaskOrUsedKey_attemptFailed_reportsNoKey(FailureClass failureClass) {
    JobChange change = fail(runningJob(), Failure.of(failureClass, "x"), Optional.empty(), T0.plusSeconds(1));

    assertThat(change.keyReport()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(FailureClass.class)
  void givenAnyFailure_attemptFailed_reportsTheUsedKeyWithTheClassEffect(FailureClass failureClass) {
    Job polled = awaitingJob().claim(WORKER, T0.plusSeconds(15), LEASE_DURATION).job();

    JobChange change = fail(polled, Failure.of(failureClass, "x"), Optional.of(OTHER_KEY), T0.plusSeconds(16));

    if (failureClass.keyEffect() == KeyEffect.NONE) {
      assertThat(change.keyReport()).isEmpty();
    } else {
      // The key of the call wins over the key of the task.
      assertThat(change.keyReport()).contains(new KeyReport(OTHER_KEY, failureClass.keyEffect()));
    }
    assertThat(polled.providerTask()).contains(TASK);
  }

  @Test
  void givenFailureClasses_keyEffect_matchesDesignTable() {
    assertThat(FailureClass.USER_VIOLATION.keyEffect()).isEqualTo(KeyEffect.NONE);
    assertThat(FailureClass.BILLING.keyEffect()).isEqualTo(KeyEffect.BLOCK);
    assertThat(FailureClass.RATE_LIMIT.keyEffect()).isEqualTo(KeyEffect.COOL_DOWN);
    assertThat(FailureClass.TEMPORARY.keyEffect()).isEqualTo(KeyEffect.NONE);
    assertThat(FailureClass.UNKNOWN.keyEffect()).isEqualTo(KeyEffect.NONE);
  }

  private JobChange fail(Job job, Failure failure, Optional<dev.rei.domain.provider.KeyId> usedKey, Instant now) {
    return job.attemptFailed(leaseOf(job), failure, usedKey, RetryPolicy.DEFAULT, now, random);
  }

  private static Job claimWhenDue(Job queued) {
    return queued.claim(WORKER, queued.nextAttemptAt().orElseThrow(), LEASE_DURATION).job();
  }

  /** Queued again {@code base} ± 20 % after {@code failedAt}, with nothing of the attempt left. */
  private static void assertRetried(JobChange change, Job before, Instant failedAt, Duration base) {
    Job queued = change.job();
    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(change.holdAction()).isEqualTo(HoldAction.NONE);
    assertThat(change.ledgerRequest()).isEmpty();
    assertThat(queued.lease()).isEmpty();
    assertThat(queued.fence()).isEqualTo(before.fence() + 1);
    assertThat(queued.attempts()).isEqualTo(before.attempts());
    assertThat(queued.lastFailure()).isPresent();
    long delayMillis = Duration.between(failedAt, queued.nextAttemptAt().orElseThrow()).toMillis();
    assertThat((double) delayMillis).isCloseTo(base.toMillis(), within(base.toMillis() * 0.2));
  }
}
