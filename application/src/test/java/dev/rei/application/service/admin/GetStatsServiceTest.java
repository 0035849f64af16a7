package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.application.port.in.admin.GetStatsUseCase.StatsResult;
import dev.rei.application.port.in.admin.Stats;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetStatsServiceTest {

  private static final UserId BOB = UserId.of(1002);
  private static final UserId CAROL = UserId.of(1003);

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @AfterEach
  void ledgerStaysSound() {
    assertThat(core.audit()).isEmpty();
  }

  private Stats stats() {
    return ((StatsResult.Report) given.stats.stats(ADMIN)).stats();
  }

  /** Carol came two days ago and ordered; Bob came last night; Alice this morning, paid, ordered and was adjusted. */
  private void aWeekendOfActivity() {
    Instant now = core.clock.now();
    core.clock.set(now.minus(Duration.ofDays(2)));
    given.register(CAROL);
    given.order(CAROL, 1, "carol-1");
    core.clock.set(now.minus(Duration.ofHours(13)));
    given.register(BOB);
    core.clock.set(now);
    given.register(ALICE);
    Payment payment = ((TopUpStart.Started) core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).payment();
    core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), FakePaymentGateway.providerIdOf(payment),
        ReportedStatus.SUCCEEDED, payment.amount(), Optional.of(ALICE)));
    given.order(ALICE, 3, "alice-1");
    core.adjust.adjust(new AdjustBalanceCommand(ADMIN, ALICE, -4, "double top-up", IdempotencyKey.of("adj-1")));
    core.provider.onSubmit((job, key) -> new Outcome.Pending("task-1", Progress.of(5), Duration.ofSeconds(30)));
    // Carol's job is due first; its deadline has passed, so the worker takes one of Alice's.
    core.runNext.runNext(new WorkerId("worker-1"));
  }

  @Test
  void givenActivity_stats_countUsersJobsCreditsRevenueAndTheOutbox() {
    aWeekendOfActivity();
    Instant now = core.clock.now();

    Stats stats = stats();

    assertThat(stats.at()).isEqualTo(now);
    assertThat(stats.usersTotal()).isEqualTo(3);
    assertThat(stats.usersRegisteredToday()).isEqualTo(1);
    assertThat(stats.jobsCreatedLastDay()).isEqualTo(Map.of(JobKind.REELS_VIDEO,
        Map.of(JobState.QUEUED, 2L, JobState.AWAITING_PROVIDER, 1L)));
    assertThat(stats.jobsByState()).isEqualTo(Map.of(JobState.QUEUED, 3L, JobState.AWAITING_PROVIDER, 1L));
    assertThat(stats.queued()).isEqualTo(3);
    assertThat(stats.awaitingProvider()).isEqualTo(1);
    // Bob's and Alice's welcome bonuses; Carol's is older than a day. Holds are not spending yet.
    assertThat(stats.creditsLastDay()).isEqualTo(Map.of(HistoryCategory.BONUS, 4L, HistoryCategory.TOP_UP, 100L,
        HistoryCategory.ADJUSTMENT, 4L));
    assertThat(stats.revenueLastDay()).isEqualTo(Map.of(Rail.YOOKASSA, Map.of("RUB", 100_00L)));
    assertThat(stats.outboxUnsent()).isEqualTo(core.outbox.countUnsent()).isPositive();
    assertThat(stats.oldestUnsentAge()).contains(Duration.ofDays(2));
  }

  @Test
  void givenEverythingSent_stats_showNoOutboxLag() {
    given.register(ALICE);
    core.dispatch.dispatch(100);

    Stats stats = stats();

    assertThat(stats.outboxUnsent()).isZero();
    assertThat(stats.oldestUnsentAge()).isEmpty();
    assertThat(stats.jobsByState()).isEmpty();
    assertThat(stats.queued()).isZero();
  }

  @Test
  void givenRegistrationJustBeforeMidnight_stats_countItInTheDayItHappened() {
    Instant midnight = Instant.parse("2026-06-02T00:00:00Z");
    core.clock.set(midnight.minusSeconds(1));
    given.register(BOB);
    core.clock.set(midnight);
    given.register(ALICE);

    Stats stats = stats();

    assertThat(stats.usersTotal()).isEqualTo(2);
    assertThat(stats.usersRegisteredToday()).isEqualTo(1);
  }

  @Test
  void givenNonAdmin_stats_areRefused() {
    given.register(ALICE);

    assertThat(given.stats.stats(ALICE)).isEqualTo(new StatsResult.Refused(AdminRefusal.NOT_AN_ADMIN));
  }

  @Test
  void givenBlockedAndCoolingKeys_stats_countEachProvidersKeysByHealth() {
    Instant now = core.clock.now();
    dev.rei.domain.provider.ProviderName sim = core.provider.name();
    core.keyHealth.block(new dev.rei.domain.provider.KeyId(sim, 0), new dev.rei.domain.provider.KeyBlock(
        dev.rei.domain.provider.KeyEffect.COOL_DOWN, now.plusSeconds(60)));

    assertThat(stats().keyHealth()).containsExactly(new ProviderHealth(sim, 1, 1, 0));

    core.keyHealth.block(new dev.rei.domain.provider.KeyId(sim, 1), new dev.rei.domain.provider.KeyBlock(
        dev.rei.domain.provider.KeyEffect.BLOCK, now.plusSeconds(3600)));
    assertThat(stats().keyHealth()).containsExactly(new ProviderHealth(sim, 0, 1, 1));
  }

  @Test
  void givenActivity_stats_chartTheLast14Days_oldestFirst_withZerosForQuietDays() {
    aWeekendOfActivity();

    java.util.List<dev.rei.application.port.in.admin.DayFigures> days = stats().lastDays();

    java.time.LocalDate today = java.time.LocalDate.ofInstant(core.clock.now(), java.time.ZoneOffset.UTC);
    assertThat(days).hasSize(Stats.CHART_DAYS);
    assertThat(days.get(0).day()).isEqualTo(today.minusDays(13));
    assertThat(days.get(13).day()).isEqualTo(today);
    assertThat(days.get(13).jobs()).isEqualTo(3);
    assertThat(days.get(13).revenue()).isEqualTo(Map.of("RUB", 100_00L));
    assertThat(days.get(11).jobs()).isEqualTo(1);
    assertThat(days.get(11).revenue()).isEmpty();
    assertThat(days.get(0).jobs()).isZero();
  }
}
