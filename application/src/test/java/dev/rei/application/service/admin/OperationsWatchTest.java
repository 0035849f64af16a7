package dev.rei.application.service.admin;

import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.WatchOperationsUseCase.Findings;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.fixtures.JobFixtures;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationsWatchTest {

  private static final ProviderName SIM = ProviderName.of("sim");

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  /** Stores {@code count} jobs of {@code kind} that reached {@code end} at {@code at}. */
  private void finished(int count, JobKind kind, JobState end, Instant at) {
    for (int i = 0; i < count; i++) {
      // An expiring job's deadline is {@code at}; the others' is well after it.
      Job queued = JobFixtures.aJob().id(JobId.of(core.ids.newId())).kind(kind)
          .queuedAt(end == JobState.EXPIRED ? at.minus(JobFixtures.DEADLINE_AFTER) : at.minusSeconds(120)).queue();
      Job running = queued.claim(WORKER, at.minusSeconds(60), LEASE_DURATION).job();
      Job done = switch (end) {
        case SUCCEEDED -> {
          Job delivering = running.resultReady(leaseOf(running), JobFixtures.RESULT, at).job();
          yield delivering.delivered(leaseOf(delivering), at).job();
        }
        case FAILED -> running.attemptFailed(leaseOf(running), Failure.of(FailureClass.USER_VIOLATION, "nsfw"),
            Optional.empty(), RetryPolicy.DEFAULT, at, JobFixtures.seededRandom()).job();
        case EXPIRED -> queued.expire(queued.deadline()).job();
        case CANCELLED -> queued.cancel(CancelledBy.USER, at).job();
        default -> throw new IllegalArgumentException(end + " is not final");
      };
      assertThat(done.state()).isEqualTo(end);
      assertThat(done.updatedAt()).isEqualTo(at);
      core.jobs.insert(done);
    }
  }

  /** Stores {@code count} queued jobs, due since {@code since}. */
  private void queued(int count, Instant since) {
    for (int i = 0; i < count; i++) {
      core.jobs.insert(JobFixtures.aJob().id(JobId.of(core.ids.newId())).queuedAt(since).queue());
    }
  }

  private Instant now() {
    return core.clock.now();
  }

  private List<String> alertNames() {
    return given.alerts().stream().map(alert -> alert.value("alert")).toList();
  }

  private Notice onlyAlert() {
    assertThat(given.alerts()).hasSize(1);
    return given.alerts().get(0);
  }

  @Test
  void givenNothingWrong_watch_findsNothing_andAlertsNobody() {
    finished(20, JobKind.IMAGE_GENERATE, JobState.SUCCEEDED, now().minusSeconds(60));
    queued(5, now().minusSeconds(30));

    Findings findings = core.operationsWatch.watch();

    assertThat(findings).isEqualTo(new Findings(20, 0, 5, Optional.of(Duration.ofSeconds(30)), List.of(), List.of()));
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenFailureRateAtTheThreshold_watch_alertsWithTheCountsPerKind() {
    finished(5, JobKind.IMAGE_GENERATE, JobState.SUCCEEDED, now().minusSeconds(60));
    finished(2, JobKind.IMAGE_GENERATE, JobState.FAILED, now().minusSeconds(60));
    finished(2, JobKind.VIDEO_TEXT, JobState.SUCCEEDED, now().minusSeconds(120));
    finished(1, JobKind.VIDEO_TEXT, JobState.EXPIRED, now().minusSeconds(120));
    finished(4, JobKind.VIDEO_TEXT, JobState.CANCELLED, now().minusSeconds(120));

    Findings findings = core.operationsWatch.watch();

    assertThat(findings.finished()).isEqualTo(10);
    assertThat(findings.failed()).isEqualTo(3);
    assertThat(findings.alerted()).containsExactly("job_failure_rate");
    Notice alert = onlyAlert();
    assertThat(alert.value("alert")).isEqualTo("job_failure_rate");
    assertThat(alert.value("failed")).isEqualTo("3 of 10 (30%)");
    assertThat(alert.value("byKind")).isEqualTo("IMAGE_GENERATE 2/7, VIDEO_TEXT 1/3");
    assertThat(alert.value("window")).isEqualTo("30 min");
  }

  @Test
  void givenFailureRateJustUnder_watch_alertsNobody() {
    finished(8, JobKind.IMAGE_GENERATE, JobState.SUCCEEDED, now().minusSeconds(60));
    finished(2, JobKind.IMAGE_GENERATE, JobState.FAILED, now().minusSeconds(60));
    // Cancels do not count either way: they would not push the share to 30 %.
    finished(5, JobKind.IMAGE_GENERATE, JobState.CANCELLED, now().minusSeconds(60));

    assertThat(core.operationsWatch.watch().alerted()).isEmpty();
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenTooFewJobsFinished_watch_alertsNobody_evenIfAllFailed() {
    finished(9, JobKind.IMAGE_EDIT, JobState.FAILED, now().minusSeconds(60));

    assertThat(core.operationsWatch.watch().failed()).isEqualTo(9);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenFailuresOutsideTheWindow_watch_doesNotCountThem() {
    finished(10, JobKind.IMAGE_GENERATE, JobState.FAILED, now().minus(Duration.ofMinutes(31)));
    finished(10, JobKind.IMAGE_GENERATE, JobState.SUCCEEDED, now().minus(Duration.ofMinutes(29)));

    assertThat(core.operationsWatch.watch().finished()).isEqualTo(10);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenBacklogAtTheThreshold_watch_alertsWithTheQueue() {
    queued(100, now().minusSeconds(90));

    Findings findings = core.operationsWatch.watch();

    assertThat(findings.queuedDue()).isEqualTo(100);
    Notice alert = onlyAlert();
    assertThat(alert.value("alert")).isEqualTo("queue_backlog");
    assertThat(alert.value("due")).isEqualTo("100");
    assertThat(alert.value("oldestWait")).isEqualTo("1 min");
  }

  @Test
  void givenBacklogJustUnder_andYoung_watch_alertsNobody() {
    queued(99, now().minus(Duration.ofMinutes(10)));
    queued(1, now().plusSeconds(30));

    assertThat(core.operationsWatch.watch().queuedDue()).isEqualTo(99);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenOneJobWaitingLongerThanTheQueueAge_watch_alerts() {
    queued(1, now().minus(Duration.ofMinutes(10)).minusSeconds(1));

    core.operationsWatch.watch();

    Notice alert = onlyAlert();
    assertThat(alert.value("alert")).isEqualTo("queue_backlog");
    assertThat(alert.value("due")).isEqualTo("1");
    assertThat(alert.value("oldestWait")).isEqualTo("10 min");
  }

  @Test
  void givenEveryKeyOfAPoolBlockedOrCooling_watch_alertsAllKeysBlocked_naming_theProvider() {
    core.keyHealth.block(new KeyId(SIM, 0), new KeyBlock(KeyEffect.BLOCK, now().plus(Duration.ofHours(24))));
    core.keyHealth.block(new KeyId(SIM, 1), new KeyBlock(KeyEffect.COOL_DOWN, now().plus(Duration.ofMinutes(60))));

    Findings findings = core.operationsWatch.watch();

    assertThat(findings.exhaustedPools()).containsExactly(SIM);
    Notice alert = onlyAlert();
    assertThat(alert.value("alert")).isEqualTo("all_keys_blocked");
    assertThat(alert.value("provider")).isEqualTo("sim");
    assertThat(alert.value("keys")).isEqualTo("2 (cooling 1, blocked 1)");
  }

  @Test
  void givenOneKeyStillHealthy_orBlocksThatEnded_watch_alertsNobody() {
    core.keyHealth.block(new KeyId(SIM, 0), new KeyBlock(KeyEffect.BLOCK, now().plus(Duration.ofHours(24))));
    core.keyHealth.block(new KeyId(SIM, 1), new KeyBlock(KeyEffect.COOL_DOWN, now().minusSeconds(1)));

    assertThat(core.operationsWatch.watch().exhaustedPools()).isEmpty();
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenTroubleThatLasts_watch_alertsOncePerAlertWindow_perKindOfTrouble() {
    finished(10, JobKind.IMAGE_GENERATE, JobState.FAILED, now().minusSeconds(60));
    queued(100, now().minusSeconds(60));

    assertThat(core.operationsWatch.watch().alerted()).containsExactly("job_failure_rate", "queue_backlog");
    core.clock.advance(Duration.ofMinutes(1));
    assertThat(core.operationsWatch.watch().alerted()).isEmpty();
    core.clock.advance(Duration.ofMinutes(58));
    assertThat(core.operationsWatch.watch().alerted()).isEmpty();
    assertThat(alertNames()).containsExactly("job_failure_rate", "queue_backlog");

    // An hour after the first alerts the trouble is still there (new jobs failed, the queue refilled): alerted again.
    core.clock.advance(Duration.ofMinutes(2));
    finished(10, JobKind.IMAGE_GENERATE, JobState.FAILED, now().minusSeconds(60));
    queued(100, now().minusSeconds(60));
    assertThat(core.operationsWatch.watch().alerted()).containsExactly("job_failure_rate", "queue_backlog");
    assertThat(alertNames()).hasSize(4);
  }

  @Test
  void givenAllKeysBlockedAlertedByAWorker_watch_doesNotRepeatIt_withinTheWindow() {
    core.keyHealth.block(new KeyId(SIM, 0), new KeyBlock(KeyEffect.BLOCK, now().plus(Duration.ofHours(24))));
    core.keyHealth.block(new KeyId(SIM, 1), new KeyBlock(KeyEffect.BLOCK, now().plus(Duration.ofHours(24))));
    core.db.inTransaction(() -> core.notifier.alertAdmins("all_keys_blocked", "sim", java.util.Map.of("provider", "sim")));

    assertThat(core.operationsWatch.watch().exhaustedPools()).containsExactly(SIM);
    assertThat(alertNames()).containsExactly("all_keys_blocked");
  }
}
