package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.domain.fixtures.JobFixtures;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core's use cases on real PostgreSQL, under concurrency: money stays right however the calls interleave. */
class CoreOnPostgresTest {

  private static final PricedItem REELS = new PricedItem.ReelsVideo();

  private static Quote quote(PostgresCore core, UserId user, int count) {
    return ((QuoteResult.Quoted) core.quotes.quote(new QuoteCommand(user, REELS, count)).result()).quote();
  }

  @Test
  void givenEveryJobState_theJobStore_returnsTheJobExactlyAsStored() {
    try (PostgresCore core = new PostgresCore(OrderLimits.DEFAULT, Credits.of(100), 4)) {
      core.register.register(new RegisterUserCommand(JobFixtures.USER_ID, Language.RU));
      core.placeOrder.placeOrder(new PlaceOrderCommand(JobFixtures.USER_ID, quote(core, JobFixtures.USER_ID, 1),
          JobParameters.of(Map.of("prompt", "a \"quoted\" cat\n")), IdempotencyKey.of("k")));
      Job placed = core.database.jobs().liveOf(JobFixtures.USER_ID).get(0);
      for (JobState state : JobState.values()) {
        Job sample = JobFixtures.jobIn(state);
        Job stored = new Job(placed.id(), placed.orderId(), placed.userId(), sample.kind(),
            JobParameters.of(Map.of("prompt", "a \"quoted\" cat\n", "model", "kling-2.6")), sample.price(),
            placed.holdId(), sample.state(), sample.attempts(), sample.fence(), sample.nextAttemptAt(), sample.lease(),
            sample.providerTask(), sample.nextPollAt(), sample.progress(), sample.result(), sample.lastFailure(),
            sample.retryNoticeSent(), sample.cancelledBy(), sample.deadline(), sample.createdAt(), sample.updatedAt());

        core.database.jobs().update(stored);

        assertThat(core.database.jobs().find(placed.id())).as("a %s job", state).contains(stored);
      }
    }
  }

  @Test
  void givenSixtyFourThreadsOrderingForTenUsers_balancesStayRightAndTheLedgerIsSound() throws Exception {
    try (PostgresCore core = new PostgresCore(new OrderLimits(1_000, Credits.of(1_000_000)), Credits.of(6), 32)) {
      List<UserId> users = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        users.add(UserId.of(i));
        core.register.register(new RegisterUserCommand(UserId.of(i), Language.RU));
      }
      ExecutorService pool = Executors.newFixedThreadPool(64);
      List<Future<PlaceOrderResult>> results = new ArrayList<>();
      for (int i = 0; i < 640; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          UserId user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
          return core.placeOrder.placeOrder(new PlaceOrderCommand(user, quote(core, user,
              1 + ThreadLocalRandom.current().nextInt(3)), JobParameters.NONE, IdempotencyKey.of("press", n)));
        }));
      }
      int placed = 0;
      for (Future<PlaceOrderResult> result : results) {
        placed += result.get() instanceof PlaceOrderResult.Placed ? 1 : 0;
      }
      pool.shutdown();

      assertThat(placed).isPositive().isLessThan(640);
      for (UserId user : users) {
        UserBalance balance = core.database.ledger().balanceOf(user);
        long held = core.database.jobs().liveOf(user).stream().mapToLong(job -> job.price().value()).sum();
        assertThat(balance.available().value()).isNotNegative();
        assertThat(balance.held().value()).isEqualTo(held);
        assertThat(balance.posted()).isEqualTo(Credits.of(6));
      }
      assertThat(core.audit()).isEmpty();
    }
  }

  @Test
  void givenFiveHundredConcurrentPlacementsWithOneKey_exactlyOneOrderIsPlacedAndEveryCallerGetsIt() throws Exception {
    try (PostgresCore core = new PostgresCore(OrderLimits.DEFAULT, Credits.of(10), 32)) {
      UserId user = UserId.of(7);
      core.register.register(new RegisterUserCommand(user, Language.RU));
      Quote quote = quote(core, user, 3);
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PlaceOrderResult>> results = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return core.placeOrder.placeOrder(new PlaceOrderCommand(user, quote, JobParameters.NONE,
              IdempotencyKey.of("the-one-press")));
        }));
      }
      start.countDown();
      Set<OrderId> orders = new HashSet<>();
      int fresh = 0;
      for (Future<PlaceOrderResult> result : results) {
        PlaceOrderResult.Placed placed = (PlaceOrderResult.Placed) result.get();
        orders.add(placed.order().id());
        fresh += placed.replayed() ? 0 : 1;
      }
      pool.shutdown();

      assertThat(orders).hasSize(1);
      assertThat(fresh).isEqualTo(1);
      assertThat(core.database.jobs().liveOf(user)).hasSize(3);
      assertThat(core.database.ledger().balanceOf(user).held()).isEqualTo(Credits.of(3));
      assertThat(core.audit()).isEmpty();
    }
  }

  @Test
  void givenEightWorkers_fiveThousandJobs_eachFinishesOnceAndEachHoldIsCapturedOnce() throws Exception {
    int jobs = 5_000;
    try (PostgresCore core = new PostgresCore(new OrderLimits(100_000, Credits.of(10_000_000)), Credits.ZERO, 16)) {
      List<UserId> users = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        UserId user = UserId.of(i);
        users.add(user);
        core.register.register(new RegisterUserCommand(user, Language.RU));
        core.database.unitOfWork().inTransaction(() -> core.database.ledger().apply(
            new dev.rei.domain.ledger.TransferRequest.Post(IdempotencyKey.of("fund", user),
                dev.rei.domain.ledger.SystemAccount.SALES, dev.rei.domain.ledger.AccountId.user(user),
                Credits.of(1_000), dev.rei.domain.ledger.TransferKind.TOP_UP,
                dev.rei.domain.ledger.TransferMemo.of(dev.rei.domain.ledger.ReferenceType.PAYMENT, "fund")),
            dev.rei.domain.ledger.TransferId.of(core.ids.newId()), core.clock.now()));
      }
      for (int i = 0; i < jobs / 5; i++) {
        UserId user = users.get(i % users.size());
        PlaceOrderResult result = core.placeOrder.placeOrder(new PlaceOrderCommand(user, quote(core, user, 5),
            JobParameters.NONE, IdempotencyKey.of("order", i)));
        assertThat(result).isInstanceOf(PlaceOrderResult.Placed.class);
      }
      Map<String, AtomicInteger> finishedBy = new ConcurrentHashMap<>();
      ExecutorService workers = Executors.newFixedThreadPool(8);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        WorkerId worker = new WorkerId("worker-" + w);
        running.add(workers.submit(() -> {
          while (true) {
            WorkResult result = core.runNext.runNext(worker);
            if (result instanceof WorkResult.Idle) {
              return null;
            }
            WorkResult.Worked worked = (WorkResult.Worked) result;
            if (worked.to() == JobState.SUCCEEDED) {
              finishedBy.computeIfAbsent(worked.job().toString(), id -> new AtomicInteger()).incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      workers.shutdown();

      assertThat(finishedBy).hasSize(jobs);
      assertThat(finishedBy.values()).allMatch(count -> count.get() == 1);
      List<Transfer> transfers = core.database.ledger().transfers();
      Map<Object, Long> capturesPerHold = transfers.stream().filter(t -> t.type() == TransferType.CAPTURE)
          .collect(Collectors.groupingBy(t -> t.pendingId().orElseThrow(), Collectors.counting()));
      assertThat(capturesPerHold).hasSize(jobs);
      assertThat(capturesPerHold.values()).allMatch(count -> count == 1);
      assertThat(core.database.jobs().countByState()).containsExactlyEntriesOf(Map.of(JobState.SUCCEEDED, (long) jobs));
      assertThat(core.audit()).isEmpty();
    }
  }

  @Test
  void givenRegisteredUser_theUserStore_keepsEveryField() {
    try (PostgresCore core = new PostgresCore(OrderLimits.DEFAULT, Credits.ZERO, 2)) {
      User user = User.register(UserId.of(42), Language.EN, PostgresCore.START).ban(PostgresCore.START.plusSeconds(5));
      core.database.users().insertIfAbsent(user);

      assertThat(core.database.users().find(UserId.of(42))).contains(user);
      assertThat(core.database.users().insertIfAbsent(user.unban())).isFalse();
      core.database.users().update(user.unban());
      assertThat(core.database.users().find(UserId.of(42))).contains(user.unban());
    }
  }
}
