package dev.rei.application.contract;

import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.OTHER_WORKER;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.aJob;
import static dev.rei.domain.fixtures.JobFixtures.leaseOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.JobStore;
import dev.rei.domain.fixtures.JobFixtures;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Lease;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link dev.rei.application.port.out.JobStore} must do: keep every field of a job in
 * every state, and hand out exactly the jobs {@link Job#isDueAt} calls due, the longest-waiting
 * first.
 */
public abstract class JobStoreContract extends StoreContract {

  private static final Instant T = JobFixtures.T0;

  /** Jobs this test stored, as last written, for the oracles below. */
  private final List<Job> stored = new ArrayList<>();

  @BeforeEach
  void fundTheFixtureUser() {
    registerFunded(JobFixtures.USER_ID, 100_000);
    registerFunded(BOB, 100_000);
  }

  /** The fixture job's order and hold, which a database's foreign keys ask for. */
  private void storeFixtureOrderAndHold() {
    inTransaction(() -> {
      placeHold(JobFixtures.JOB_ID, JobFixtures.USER_ID, JobFixtures.PRICE, JobFixtures.HOLD_ID, T);
      kit.orders().insert(new Order(JobFixtures.ORDER_ID, JobFixtures.USER_ID, IdempotencyKey.of("fixture-order"),
          JobFixtures.KIND, JobFixtures.PRICE, List.of(JobFixtures.JOB_ID), T));
      return null;
    });
  }

  /** A new job queued at {@code at} for {@code user}, alone in its order, hold placed; not stored yet. */
  private Job newJob(UserId user, Instant at) {
    return newJobs(user, at, 1).get(0);
  }

  /** {@code count} new jobs of one order queued at {@code at} for {@code user}, holds placed; not stored yet. */
  private List<Job> newJobs(UserId user, Instant at, int count) {
    return inTransaction(() -> {
      OrderId orderId = OrderId.of(nextUuid());
      List<Job> jobs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JobId jobId = JobId.of(nextUuid());
        TransferId holdId = placeHold(jobId, user, JobFixtures.PRICE, TransferId.of(nextUuid()), at);
        jobs.add(aJob().id(jobId).orderId(orderId).userId(user).holdId(holdId).queuedAt(at).queue());
      }
      kit.orders().insert(new Order(orderId, user, IdempotencyKey.of("order", orderId), JobFixtures.KIND,
          JobFixtures.PRICE, jobs.stream().map(Job::id).toList(), at));
      return jobs;
    });
  }

  private Job insert(Job job) {
    kit.jobs().insert(job);
    stored.add(job);
    return job;
  }

  private Job update(Job job) {
    kit.jobs().update(job);
    stored.replaceAll(j -> j.id().equals(job.id()) ? job : j);
    return job;
  }

  private void assertRoundTrips(Job job) {
    assertThat(kit.jobs().find(job.id())).contains(job);
    assertThat(inTransaction(() -> kit.jobs().lock(job.id()))).contains(job);
  }

  @ParameterizedTest
  @EnumSource(JobState.class)
  void givenJobInAnyState_insert_thenFindAndLock_returnItWithEveryField(JobState state) {
    storeFixtureOrderAndHold();
    Job job = JobFixtures.jobIn(state);

    kit.jobs().insert(job);

    assertRoundTrips(job);
  }

  @ParameterizedTest
  @EnumSource(JobState.class)
  void givenQueuedJob_updateToAnyState_storesEveryField(JobState state) {
    storeFixtureOrderAndHold();
    kit.jobs().insert(JobFixtures.queuedJob());

    Job job = JobFixtures.jobIn(state);
    kit.jobs().update(job);

    assertRoundTrips(job);
  }

  @Test
  void givenAJobThroughRetriesPollsAndRescues_everyVersionRoundTrips() {
    JobParameters parameters = JobParameters.of(Map.of(
        "prompt", "Кот в сапогах, \"в стиле\" аниме \\ 🐈\nвторая строка\ttab",
        "empty", "",
        "model", "kling-v2.1",
        "long", "x".repeat(JobParameters.MAX_VALUE_LENGTH)));
    storeFixtureOrderAndHold();
    Job queued = insert(aJob().parameters(parameters).kind(JobKind.VIDEO_VIDEO).price(250).deadlineAfter(
        Duration.ofHours(3)).queue());
    assertRoundTrips(queued);
    WorkerId longWorker = new WorkerId("w".repeat(100));
    KeyId key = new KeyId(ProviderName.of("kling"), 12);

    Job running = update(queued.claim(longWorker, T.plusMillis(1), LEASE_DURATION).job());
    assertRoundTrips(running);
    Job retrying = update(running.attemptFailed(leaseOf(running), Failure.of(FailureClass.TEMPORARY,
        "503 «Service Unavailable» " + "é".repeat(2_000)), Optional.of(key), RetryPolicy.DEFAULT, T.plusSeconds(3),
        JobFixtures.seededRandom()).job());
    assertThat(retrying.state()).isEqualTo(JobState.QUEUED);
    assertThat(retrying.retryNoticeSent()).isTrue();
    assertRoundTrips(retrying);
    Job again = update(retrying.claim(OTHER_WORKER, retrying.nextAttemptAt().orElseThrow(), LEASE_DURATION).job());
    Job awaiting = update(again.submitted(leaseOf(again), new ProviderTask(key, "t".repeat(200)), Progress.of(7),
        T.plusSeconds(90), T.plusSeconds(60)).job());
    assertRoundTrips(awaiting);
    Job polling = update(awaiting.claim(WORKER, T.plusSeconds(90), LEASE_DURATION).job());
    Job progressed = update(polling.stillRunning(leaseOf(polling), Progress.of(64), T.plusSeconds(120),
        T.plusSeconds(91)).job());
    assertRoundTrips(progressed);
    Job claimed = update(progressed.claim(WORKER, T.plusSeconds(120), LEASE_DURATION).job());
    Job rescued = update(claimed.leaseExpired(T.plusSeconds(120).plus(LEASE_DURATION), RetryPolicy.DEFAULT,
        JobFixtures.seededRandom()).job());
    assertRoundTrips(rescued);
    Job lastPoll = update(rescued.claim(WORKER, rescued.nextPollAt().orElseThrow(), LEASE_DURATION).job());
    Job delivering = update(lastPoll.resultReady(leaseOf(lastPoll), new ResultRef("r/" + "x".repeat(1_998)),
        T.plusSeconds(400)).job());
    assertRoundTrips(delivering);
    Job succeeded = update(delivering.delivered(leaseOf(delivering), T.plusSeconds(401)).job());
    assertRoundTrips(succeeded);
  }

  @Test
  void givenCancelledByAdminWhileAwaiting_theJobRoundTrips() {
    storeFixtureOrderAndHold();
    Job awaiting = insert(JobFixtures.awaitingJob());

    Job cancelled = update(awaiting.cancel(CancelledBy.ADMIN, T.plusSeconds(20)).job());

    assertRoundTrips(cancelled);
    assertThat(kit.jobs().find(cancelled.id()).orElseThrow().cancelledBy()).contains(CancelledBy.ADMIN);
  }

  @Test
  void givenUnknownJob_findAndLockAreEmpty_andUpdateFails() {
    assertThat(kit.jobs().find(JobFixtures.JOB_ID)).isEmpty();
    assertThat(inTransaction(() -> kit.jobs().lock(JobFixtures.JOB_ID))).isEmpty();
    assertThatThrownBy(() -> kit.jobs().update(JobFixtures.queuedJob())).isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenStoredJob_insertingItAgain_fails_andKeepsTheFirst() {
    storeFixtureOrderAndHold();
    Job running = JobFixtures.runningJob();
    kit.jobs().insert(running);

    assertThatThrownBy(() -> kit.jobs().insert(JobFixtures.queuedJob())).isInstanceOf(RuntimeException.class);

    assertThat(kit.jobs().find(running.id())).contains(running);
  }

  /**
   * Jobs in every situation {@link Job#isDueAt} distinguishes, with distinct due times: queued now
   * and later, queued past its deadline, running, awaiting a poll, being polled, delivering under
   * a live lease and after a rescue, and finished.
   */
  private void storeJobsInEverySituation() {
    insert(newJob(ALICE, T));
    insert(newJob(ALICE, T.plusSeconds(60)));
    insert(newJob(ALICE, T.minus(Duration.ofMinutes(40))));
    Job toRun = newJob(ALICE, T.minusSeconds(1));
    insert(toRun.claim(WORKER, T, LEASE_DURATION).job());

    Job toAwait = newJob(BOB, T.minusSeconds(2));
    Job claimedToAwait = toAwait.claim(WORKER, T.minusSeconds(2), LEASE_DURATION).job();
    insert(claimedToAwait.submitted(leaseOf(claimedToAwait), JobFixtures.TASK, Progress.NONE, T.plusSeconds(15),
        T.plusSeconds(5)).job());

    Job toPoll = newJob(BOB, T.minusSeconds(60));
    Job claimedToPoll = toPoll.claim(WORKER, T.minusSeconds(60), LEASE_DURATION).job();
    Job awaitingPoll = claimedToPoll.submitted(leaseOf(claimedToPoll), JobFixtures.TASK, Progress.NONE,
        T.minusSeconds(45), T.minusSeconds(55)).job();
    insert(awaitingPoll.claim(OTHER_WORKER, T.minusSeconds(30), LEASE_DURATION).job());

    Job toDeliver = newJob(ALICE, T.minusSeconds(3));
    Job claimedToDeliver = toDeliver.claim(WORKER, T.minusSeconds(3), LEASE_DURATION).job();
    insert(claimedToDeliver.resultReady(leaseOf(claimedToDeliver), JobFixtures.RESULT, T.plusSeconds(10)).job());

    Job toRescue = newJob(BOB, T.minus(Duration.ofMinutes(10)));
    Job claimedToRescue = toRescue.claim(WORKER, T.minus(Duration.ofMinutes(10)), LEASE_DURATION).job();
    Job delivering = claimedToRescue.resultReady(leaseOf(claimedToRescue), JobFixtures.RESULT,
        T.minus(Duration.ofMinutes(9))).job();
    insert(delivering.leaseExpired(T.minus(Duration.ofMinutes(8)), RetryPolicy.DEFAULT, JobFixtures.seededRandom())
        .job());

    Job toFinish = newJob(ALICE, T.minusSeconds(4));
    Job claimedToFinish = toFinish.claim(WORKER, T.minusSeconds(4), LEASE_DURATION).job();
    Job ready = claimedToFinish.resultReady(leaseOf(claimedToFinish), JobFixtures.RESULT, T.minusSeconds(3)).job();
    insert(ready.delivered(leaseOf(ready), T.minusSeconds(2)).job());
    insert(newJob(BOB, T.minusSeconds(5)).cancel(CancelledBy.USER, T.minusSeconds(5)).job());
  }

  /** When a due job became due: what "oldest due first" orders by. */
  private static Instant dueSince(Job job) {
    return switch (job.state()) {
      case QUEUED -> job.nextAttemptAt().orElseThrow();
      case AWAITING_PROVIDER -> job.nextPollAt().orElseThrow();
      default -> job.lease().map(Lease::expiresAt).orElse(job.updatedAt());
    };
  }

  private Optional<Job> expectedNextDue(Instant now) {
    return stored.stream().filter(job -> job.isDueAt(now)).min(Comparator.comparing(JobStoreContract::dueSince));
  }

  @Test
  void lockNextDue_returnsExactlyTheJobsIsDueAtCallsDue_longestWaitingFirst() {
    storeJobsInEverySituation();
    List<Instant> instants = List.of(T.minus(Duration.ofMinutes(20)), T.minusSeconds(1), T, T.plusSeconds(10),
        T.plusSeconds(15), T.plusSeconds(59), T.plusSeconds(60), T.plusSeconds(90), T.plusSeconds(117),
        T.plusSeconds(118), T.plusSeconds(120), T.plus(Duration.ofMinutes(29)), T.plus(Duration.ofMinutes(31)),
        T.plus(Duration.ofHours(5)));

    for (Instant now : instants) {
      assertThat(inTransaction(() -> kit.jobs().lockNextDue(now))).as("next due at %s", now)
          .isEqualTo(expectedNextDue(now));
    }
  }

  @Test
  void lockNextDue_afterEachClaim_movesOnToTheNextDueJob_untilNoneIsLeft() {
    storeJobsInEverySituation();
    Instant now = T.plusSeconds(118);
    List<JobId> claimed = new ArrayList<>();

    for (Optional<Job> next = inTransaction(() -> kit.jobs().lockNextDue(now)); next.isPresent();
        next = inTransaction(() -> kit.jobs().lockNextDue(now))) {
      assertThat(next).isEqualTo(expectedNextDue(now));
      claimed.add(next.get().id());
      update(next.get().claim(WORKER, now, LEASE_DURATION).job());
      assertThat(claimed).hasSizeLessThan(20);
    }

    assertThat(expectedNextDue(now)).isEmpty();
    assertThat(claimed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void nextDueAt_isTheEarliestDueTimeOfAWaitingJob_andEmptyWhenNoneWaits() {
    assertThat(inTransaction(() -> kit.jobs().nextDueAt())).isEmpty();
    storeJobsInEverySituation();

    Optional<Instant> expected = stored.stream()
        .filter(job -> job.state() == JobState.QUEUED || job.state() == JobState.AWAITING_PROVIDER
            || job.state() == JobState.DELIVERING)
        .map(JobStoreContract::dueSince).min(Comparator.naturalOrder());
    assertThat(expected).isPresent();
    assertThat(inTransaction(() -> kit.jobs().nextDueAt())).isEqualTo(expected);

    // Claim everything due until an hour from now: what is left says when it falls due, none of it earlier.
    Instant later = T.plus(Duration.ofHours(1));
    for (Optional<Job> next = inTransaction(() -> kit.jobs().lockNextDue(later)); next.isPresent();
        next = inTransaction(() -> kit.jobs().lockNextDue(later))) {
      update(next.get().claim(WORKER, later, LEASE_DURATION).job());
    }
    Optional<Instant> left = inTransaction(() -> kit.jobs().nextDueAt());
    assertThat(left).isEqualTo(stored.stream()
        .filter(job -> job.state() == JobState.QUEUED || job.state() == JobState.AWAITING_PROVIDER
            || job.state() == JobState.DELIVERING)
        .map(JobStoreContract::dueSince).min(Comparator.naturalOrder()));
  }

  @Test
  void lockPastDeadline_returnsTheJobsThatMayExpire_upToTheLimit() {
    storeJobsInEverySituation();

    for (Instant now : List.of(T, T.plus(Duration.ofMinutes(29)), T.plus(Duration.ofMinutes(30)),
        T.plus(Duration.ofMinutes(31)))) {
      List<Job> expected = stored.stream().filter(job -> job.isPastDeadlineAt(now)).toList();
      assertThat(inTransaction(() -> kit.jobs().lockPastDeadline(now, 100))).as("past deadline at %s", now)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(inTransaction(() -> kit.jobs().lockPastDeadline(now, 2))).hasSize(Math.min(2, expected.size()))
          .allSatisfy(job -> assertThat(expected).contains(job));
    }
  }

  @Test
  void lockWithExpiredLease_returnsUnfinishedJobsWhoseWorkerVanished_upToTheLimit() {
    storeJobsInEverySituation();

    for (Instant now : List.of(T, T.plusSeconds(89), T.plusSeconds(90), T.plusSeconds(117), T.plusSeconds(120))) {
      List<Job> expected = stored.stream()
          .filter(job -> !job.state().isTerminal() && job.lease().map(l -> l.isExpiredAt(now)).orElse(false))
          .toList();
      assertThat(inTransaction(() -> kit.jobs().lockWithExpiredLease(now, 100))).as("expired leases at %s", now)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(inTransaction(() -> kit.jobs().lockWithExpiredLease(now, 1))).hasSize(Math.min(1, expected.size()));
    }
  }

  @Test
  void leasedBy_returnsTheUnfinishedJobsAWorkerHoldsALeaseOn() {
    storeJobsInEverySituation();

    for (WorkerId worker : stored.stream().flatMap(job -> job.lease().stream()).map(Lease::worker).distinct().toList()) {
      List<JobId> expected = stored.stream()
          .filter(job -> !job.state().isTerminal() && job.lease().map(l -> l.worker().equals(worker)).orElse(false))
          .map(Job::id).toList();
      assertThat(kit.jobs().leasedBy(worker)).as("leased by %s", worker).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(kit.jobs().leasedBy(new WorkerId("nobody"))).isEmpty();
  }

  @Test
  void ofOrderAndLiveOf_returnTheOrdersJobs_andTheUsersUnfinishedJobsOldestFirst() {
    List<Job> order = newJobs(ALICE, T, 3);
    order.forEach(this::insert);
    Job older = insert(newJob(ALICE, T.minusSeconds(10)));
    Job bobs = insert(newJob(BOB, T));
    update(order.get(1).cancel(CancelledBy.USER, T.plusSeconds(1)).job());

    assertThat(kit.jobs().ofOrder(order.get(0).orderId())).extracting(Job::id)
        .containsExactlyInAnyOrderElementsOf(order.stream().map(Job::id).toList());
    assertThat(kit.jobs().ofOrder(OrderId.of(nextUuid()))).isEmpty();
    assertThat(kit.jobs().liveOf(ALICE)).extracting(Job::id).first().isEqualTo(older.id());
    assertThat(kit.jobs().liveOf(ALICE)).extracting(Job::id)
        .containsExactlyInAnyOrder(older.id(), order.get(0).id(), order.get(2).id());
    assertThat(kit.jobs().liveOf(BOB)).containsExactly(bobs);
    assertThat(kit.jobs().liveOf(UserId.of(77))).isEmpty();
  }

  @Test
  void activeOrders_countOrdersWithAnUnfinishedJob_notJobs() {
    List<Job> five = newJobs(ALICE, T, 5);
    five.forEach(this::insert);
    Job single = insert(newJob(ALICE, T));
    List<Job> pair = newJobs(ALICE, T, 2);
    pair.forEach(this::insert);
    insert(newJob(BOB, T));
    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(3);

    update(single.cancel(CancelledBy.USER, T.plusSeconds(1)).job());
    update(pair.get(0).expire(pair.get(0).deadline()).job());
    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(2);

    Job running = update(pair.get(1).claim(WORKER, T, LEASE_DURATION).job());
    Job delivering = update(running.resultReady(leaseOf(running), JobFixtures.RESULT, T.plusSeconds(5)).job());
    assertThat(kit.jobs().activeOrders(ALICE)).as("delivering is not finished").isEqualTo(2);
    update(delivering.delivered(leaseOf(delivering), T.plusSeconds(6)).job());
    for (Job job : five) {
      update(job.cancel(CancelledBy.ADMIN, T.plusSeconds(7)).job());
    }

    assertThat(kit.jobs().activeOrders(ALICE)).isZero();
    assertThat(kit.jobs().activeOrders(BOB)).isEqualTo(1);
    assertThat(kit.jobs().activeOrders(UserId.of(77))).isZero();
  }

  @Test
  void spentSince_sumsPricesOfTheUsersJobsSince_exceptThoseThatGaveTheCreditsBack() {
    Job succeeded = insert(newJob(ALICE, T.minusSeconds(10)));
    Job running = update(succeeded.claim(WORKER, T.minusSeconds(10), LEASE_DURATION).job());
    Job delivering = update(running.resultReady(leaseOf(running), JobFixtures.RESULT, T.minusSeconds(9)).job());
    update(delivering.delivered(leaseOf(delivering), T.minusSeconds(8)).job());
    insert(newJob(ALICE, T));
    Job cancelled = insert(newJob(ALICE, T));
    update(cancelled.cancel(CancelledBy.USER, T.plusSeconds(1)).job());
    Job failed = insert(newJob(ALICE, T.plusSeconds(1)));
    Job failing = update(failed.claim(WORKER, T.plusSeconds(1), LEASE_DURATION).job());
    update(failing.attemptFailed(leaseOf(failing), Failure.of(FailureClass.USER_VIOLATION, "nsfw"), Optional.empty(),
        RetryPolicy.DEFAULT, T.plusSeconds(2), JobFixtures.seededRandom()).job());
    Job expired = insert(newJob(ALICE, T.plusSeconds(2)));
    update(expired.expire(expired.deadline()).job());
    insert(newJob(BOB, T));

    long price = JobFixtures.PRICE.value();
    assertThat(kit.jobs().spentSince(ALICE, T.minusSeconds(10))).isEqualTo(Credits.of(2 * price));
    assertThat(kit.jobs().spentSince(ALICE, T.minusSeconds(9))).isEqualTo(Credits.of(price));
    assertThat(kit.jobs().spentSince(ALICE, T.plusSeconds(1))).isEqualTo(Credits.ZERO);
    assertThat(kit.jobs().spentSince(UserId.of(77), T)).isEqualTo(Credits.ZERO);
  }

  @Test
  void counts_groupJobsByKindAndStateCreatedSince_andByStateNow() {
    Job image = insert(newJob(ALICE, T.minusSeconds(60)));
    List<Job> order = newJobs(ALICE, T, 3);
    order.forEach(this::insert);
    update(order.get(0).cancel(CancelledBy.USER, T.plusSeconds(1)).job());
    update(order.get(1).claim(WORKER, T, LEASE_DURATION).job());

    assertThat(kit.jobs().countByState()).isEqualTo(Map.of(JobState.QUEUED, 2L, JobState.CANCELLED, 1L,
        JobState.RUNNING, 1L));
    assertThat(kit.jobs().countCreatedSince(T)).isEqualTo(Map.of(JobFixtures.KIND,
        Map.of(JobState.QUEUED, 1L, JobState.CANCELLED, 1L, JobState.RUNNING, 1L)));
    assertThat(kit.jobs().countCreatedSince(T.minusSeconds(60)).get(JobFixtures.KIND))
        .containsEntry(JobState.QUEUED, 2L);
    assertThat(kit.jobs().countCreatedSince(T.plusSeconds(1))).isEmpty();
    assertThat(image.kind()).isEqualTo(JobFixtures.KIND);
  }

  /** A new job of ALICE queued at {@code at}, stored, then run to success at {@code at + seconds}. */
  private Job succeededAt(Instant at, long seconds) {
    Job queued = insert(newJob(ALICE, at));
    Job running = update(queued.claim(WORKER, at, LEASE_DURATION).job());
    Job delivering = update(running.resultReady(leaseOf(running), JobFixtures.RESULT, at.plusSeconds(seconds)).job());
    return update(delivering.delivered(leaseOf(delivering), at.plusSeconds(seconds)).job());
  }

  /** A new job of ALICE queued at {@code at}, stored, then failed for good at {@code at + seconds}. */
  private Job failedAt(Instant at, long seconds) {
    Job queued = insert(newJob(ALICE, at));
    Job running = update(queued.claim(WORKER, at, LEASE_DURATION).job());
    return update(running.attemptFailed(leaseOf(running), Failure.of(FailureClass.USER_VIOLATION, "nsfw"),
        Optional.empty(), RetryPolicy.DEFAULT, at.plusSeconds(seconds), JobFixtures.seededRandom()).job());
  }

  @Test
  void countFinishedSince_countsJobsThatEndedSince_byKindAndFinalState_notLiveOnes() {
    succeededAt(T.minusSeconds(100), 10);
    succeededAt(T, 5);
    failedAt(T, 7);
    Job cancelled = insert(newJob(ALICE, T));
    update(cancelled.cancel(CancelledBy.USER, T.plusSeconds(8)).job());
    Job expired = insert(newJob(ALICE, T));
    update(expired.expire(expired.deadline()).job());
    insert(newJob(ALICE, T));
    Job running = insert(newJob(BOB, T));
    update(running.claim(WORKER, T, LEASE_DURATION).job());

    assertThat(kit.jobs().countFinishedSince(T.plusSeconds(5))).isEqualTo(Map.of(JobFixtures.KIND, Map.of(
        JobState.SUCCEEDED, 1L, JobState.FAILED, 1L, JobState.CANCELLED, 1L, JobState.EXPIRED, 1L)));
    assertThat(kit.jobs().countFinishedSince(T.minusSeconds(90)).get(JobFixtures.KIND))
        .containsEntry(JobState.SUCCEEDED, 2L);
    assertThat(kit.jobs().countFinishedSince(T.plusSeconds(8))).isEqualTo(Map.of(JobFixtures.KIND,
        Map.of(JobState.CANCELLED, 1L, JobState.EXPIRED, 1L)));
    assertThat(kit.jobs().countFinishedSince(expired.deadline().plusSeconds(1))).isEmpty();
  }

  @Test
  void queuedDue_countsQueuedJobsDueNow_andTheOldestDueTime_notRetriesLaterOrPastDeadlineOrRunning() {
    assertThat(kit.jobs().queuedDue(T)).isEqualTo(new JobStore.Backlog(0, Optional.empty()));
    insert(newJob(ALICE, T.minusSeconds(120)));
    insert(newJob(ALICE, T.minusSeconds(30)));
    insert(newJob(BOB, T.plusSeconds(30)));
    Job retried = insert(newJob(BOB, T.minusSeconds(300)));
    Job running = update(retried.claim(WORKER, T.minusSeconds(300), LEASE_DURATION).job());
    update(running.attemptFailed(leaseOf(running), Failure.of(FailureClass.TEMPORARY, "502"), Optional.empty(),
        RetryPolicy.DEFAULT, T.minusSeconds(1), JobFixtures.seededRandom()).job());
    Job claimed = insert(newJob(BOB, T.minusSeconds(400)));
    update(claimed.claim(WORKER, T.minusSeconds(400), LEASE_DURATION).job());
    insert(newJob(ALICE, T.minus(JobFixtures.DEADLINE_AFTER).minusSeconds(1)));

    assertThat(kit.jobs().queuedDue(T)).isEqualTo(new JobStore.Backlog(2, Optional.of(T.minusSeconds(120))));
    // A minute earlier the late job's deadline had not passed yet: it was due, and the oldest.
    assertThat(kit.jobs().queuedDue(T.minusSeconds(60))).isEqualTo(
        new JobStore.Backlog(2, Optional.of(T.minus(JobFixtures.DEADLINE_AFTER).minusSeconds(1))));
  }

  @Test
  void finishedBetween_listsJobsThatEndedInTheSpan_oldestFirst_withTheirTimes_upToTheLimit() {
    Job first = succeededAt(T, 10);
    Job second = failedAt(T, 20);
    succeededAt(T, 30);
    insert(newJob(ALICE, T));

    assertThat(kit.jobs().finishedBetween(T, T.plusSeconds(30), 10)).containsExactly(
        new JobStore.FinishedJob(first.id(), first.kind(), JobState.SUCCEEDED, T, T.plusSeconds(10)),
        new JobStore.FinishedJob(second.id(), second.kind(), JobState.FAILED, T, T.plusSeconds(20)));
    assertThat(kit.jobs().finishedBetween(T.plusSeconds(10), T.plusSeconds(31), 1)).extracting(JobStore.FinishedJob::id)
        .containsExactly(first.id());
    assertThat(kit.jobs().finishedBetween(T.plusSeconds(11), T.plusSeconds(20), 10)).isEmpty();
    assertThat(kit.jobs().finishedBetween(T, T.plusSeconds(31), 10).get(1).duration()).hasSeconds(20);
  }

  @Test
  void ofUserSince_pagesTheUsersJobsSince_newestFirst_tiesByIdDescending() {
    Job old = insert(newJob(ALICE, T.minusSeconds(60)));
    Job first = insert(newJob(ALICE, T));
    List<Job> sameTime = newJobs(ALICE, T.plusSeconds(5), 3);
    sameTime.forEach(this::insert);
    Job cancelled = update(insert(newJob(ALICE, T.plusSeconds(9))).cancel(CancelledBy.USER, T.plusSeconds(10)).job());
    insert(newJob(BOB, T.plusSeconds(1)));

    List<Job> tied = sameTime.stream().sorted(Comparator.comparing((Job job) -> job.id().toString()).reversed())
        .toList();
    List<Job> all = kit.jobs().ofUserSince(ALICE, T, 0, 10);
    assertThat(all).containsExactly(cancelled, tied.get(0), tied.get(1), tied.get(2), first);
    assertThat(kit.jobs().ofUserSince(ALICE, T, 1, 2)).containsExactly(tied.get(0), tied.get(1));
    assertThat(kit.jobs().ofUserSince(ALICE, T, 4, 10)).containsExactly(first);
    assertThat(kit.jobs().ofUserSince(ALICE, T, 5, 10)).isEmpty();
    assertThat(kit.jobs().ofUserSince(ALICE, T.minusSeconds(60), 5, 10)).containsExactly(old);
    assertThat(kit.jobs().ofUserSince(UserId.of(77), T.minusSeconds(60), 0, 10)).isEmpty();
  }

  @Test
  void countCreatedPerDay_countsJobsCreatedSince_perUtcDay_includingTheBoundary() {
    // T is 09:00 UTC, so T - 10 h is the day before and T + 15 h the day after.
    insert(newJob(ALICE, T.minus(java.time.Duration.ofHours(10))));
    insert(newJob(ALICE, T));
    newJobs(BOB, T.plusSeconds(60), 2).forEach(this::insert);
    insert(newJob(BOB, T.plus(java.time.Duration.ofHours(15))));
    java.time.LocalDate day = java.time.LocalDate.parse("2026-03-02");

    assertThat(kit.jobs().countCreatedPerDay(T.minus(java.time.Duration.ofHours(10)))).isEqualTo(Map.of(
        day.minusDays(1), 1L, day, 3L, day.plusDays(1), 1L));
    assertThat(kit.jobs().countCreatedPerDay(T)).isEqualTo(Map.of(day, 3L, day.plusDays(1), 1L));
    assertThat(kit.jobs().countCreatedPerDay(T.plusSeconds(61))).isEqualTo(Map.of(day.plusDays(1), 1L));
    assertThat(kit.jobs().countCreatedPerDay(T.plus(java.time.Duration.ofDays(2)))).isEmpty();
  }
}
