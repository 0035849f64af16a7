package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.JobStore} must do. */
public abstract class JobStoreContract extends StoreContract {

  private static final WorkerId WORKER = new WorkerId("w1");

  @Test
  void lockNextDue_takesOnlyDueJobs_oldestFirst() {
    registerFunded(ALICE, 10);
    Job older = placeOrder(ALICE, 1, T0).get(0);
    Job newer = placeOrder(ALICE, 1, T0.plusSeconds(5)).get(0);

    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.minusSeconds(1)))).isEmpty();
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plusSeconds(1)))).contains(older);
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plusSeconds(10)))).contains(older);
    // Past their deadline, queued jobs are the sweeper's, not a worker's.
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plus(Duration.ofHours(2))))).isEmpty();
    assertThat(newer.isDueAt(T0.plusSeconds(10))).isTrue();
  }

  @Test
  void claimedAndAwaitingJobs_areDueOnlyWhenTheirPollIsAndNoLeaseLives() {
    registerFunded(ALICE, 10);
    Job queued = placeOrder(ALICE, 1, T0).get(0);
    Job running = queued.claim(WORKER, T0, Duration.ofMinutes(5)).job();
    kit.jobs().update(running);
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plusSeconds(1)))).isEmpty();

    Job awaiting = running.submitted(running.lease().orElseThrow(),
        new ProviderTask(new KeyId(ProviderName.of("kie"), 0), "t-1"), Progress.of(5), T0.plusSeconds(30),
        T0.plusSeconds(1)).job();
    kit.jobs().update(awaiting);

    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plusSeconds(29)))).isEmpty();
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockNextDue(T0.plusSeconds(30)))).contains(awaiting);
    assertThat(kit.jobs().find(awaiting.id())).contains(awaiting);
  }

  @Test
  void activeOrders_countOrdersNotJobs_andSpentSinceSkipsReturnedJobs() {
    registerFunded(ALICE, 10);
    List<Job> five = placeOrder(ALICE, 5, T0);
    Job single = placeOrder(ALICE, 1, T0).get(0);
    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(2);
    assertThat(kit.jobs().spentSince(ALICE, T0)).isEqualTo(Credits.of(6));

    kit.jobs().update(single.cancel(CancelledBy.USER, T0.plusSeconds(1)).job());

    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(1);
    assertThat(kit.jobs().spentSince(ALICE, T0)).isEqualTo(Credits.of(5));
    assertThat(kit.jobs().spentSince(ALICE, T0.plusSeconds(1))).isEqualTo(Credits.ZERO);
    assertThat(kit.jobs().ofOrder(five.get(0).orderId())).extracting(Job::id)
        .containsExactlyInAnyOrderElementsOf(five.stream().map(Job::id).toList());
    assertThat(kit.jobs().liveOf(ALICE)).hasSize(5);
    assertThat(kit.jobs().countByState()).isEqualTo(Map.of(JobState.QUEUED, 5L, JobState.CANCELLED, 1L));
    assertThat(kit.jobs().countCreatedSince(T0)).isEqualTo(
        Map.of(JobKind.REELS_VIDEO, Map.of(JobState.QUEUED, 5L, JobState.CANCELLED, 1L)));
  }

  @Test
  void sweeps_findLateJobsAndExpiredLeases() {
    registerFunded(ALICE, 10);
    Job queued = placeOrder(ALICE, 1, T0).get(0);
    Job running = queued.claim(WORKER, T0, Duration.ofMinutes(5)).job();
    kit.jobs().update(running);

    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockWithExpiredLease(T0.plusSeconds(299), 10))).isEmpty();
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockWithExpiredLease(T0.plusSeconds(300), 10)))
        .containsExactly(running);
    assertThat(kit.unitOfWork().inTransaction(() -> kit.jobs().lockPastDeadline(running.deadline(), 10)))
        .containsExactly(running);
  }
}
