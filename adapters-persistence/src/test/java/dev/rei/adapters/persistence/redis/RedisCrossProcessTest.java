package dev.rei.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.LockManager;
import dev.rei.application.port.out.LockManager.DistributedLock;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.LimitRefusal;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two clients with connections of their own, as two worker processes have, share one Redis's state. */
class RedisCrossProcessTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:05Z");

  private RedisConnection one;
  private RedisConnection two;

  @BeforeEach
  void connect() {
    one = TestRedis.fresh();
    two = TestRedis.sameNamespaceAs(one);
  }

  @AfterEach
  void drop() {
    two.close();
    TestRedis.drop(one);
  }

  @Test
  void givenLockHeldByOneProcess_theOther_canNeitherTakeNorReleaseIt_andGetsALargerTokenAfterwards() {
    RedisLockManager first = new RedisLockManager(one);
    RedisLockManager second = new RedisLockManager(two);

    DistributedLock held = first.tryAcquire("sweeper", Duration.ofSeconds(30)).orElseThrow();
    assertThat(second.tryAcquire("sweeper", Duration.ofSeconds(30))).isEmpty();
    assertThat(held.release()).isTrue();

    DistributedLock next = second.tryAcquire("sweeper", Duration.ofSeconds(30)).orElseThrow();
    assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
    assertThat(held.release()).isFalse();
    assertThat(held.extend(Duration.ofSeconds(30))).isFalse();
    assertThat(first.tryAcquire("sweeper", Duration.ofSeconds(30))).isEmpty();
    assertThat(next.release()).isTrue();
  }

  @Test
  void givenSixteenThreadsInTwoProcesses_neverTwoHoldTheLock_andTokensGrowWithEachHolder() throws Exception {
    List<LockManager> processes = List.of(new RedisLockManager(one), new RedisLockManager(two));
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger mostHolders = new AtomicInteger();
    List<Long> tokens = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < 16; thread++) {
        LockManager locks = processes.get(thread % 2);
        work.add(pool.submit(() -> {
          for (int attempt = 0; attempt < 40; attempt++) {
            Optional<DistributedLock> lock = locks.tryAcquire("hot", Duration.ofSeconds(30));
            if (lock.isPresent()) {
              mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
              synchronized (tokens) {
                tokens.add(lock.get().fencingToken());
              }
              Thread.yield();
              holders.decrementAndGet();
              assertThat(lock.get().release()).isTrue();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mostHolders.get()).isEqualTo(1);
    synchronized (tokens) {
      assertThat(tokens).hasSizeGreaterThan(1).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void givenTwoProcesses_theyShareTheWindowAndTheBlock_andRepeatViolationsBlockLonger() {
    RedisRateLimiter first = new RedisRateLimiter(one, RateLimitPolicy.DEFAULT);
    RedisRateLimiter second = new RedisRateLimiter(two, RateLimitPolicy.DEFAULT);

    assertThat(first.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
    assertThat(second.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
    LimitDecision third = first.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    assertThat(third.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(third.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
    assertThat(second.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(30)).refusal())
        .contains(LimitRefusal.BLOCKED);

    Instant later = NOW.plus(Duration.ofMinutes(2));
    second.tryAcquire(ALICE, ActionClass.PAYMENT, later);
    first.tryAcquire(ALICE, ActionClass.PAYMENT, later);
    assertThat(second.tryAcquire(ALICE, ActionClass.PAYMENT, later).retryAt())
        .contains(later.plus(Duration.ofMinutes(5)));
  }

  @Test
  void givenTwoProcesses_theyShareKeyBlocksAndTurns() {
    RedisKeyHealthStore first = new RedisKeyHealthStore(one);
    RedisKeyHealthStore second = new RedisKeyHealthStore(two);
    KeyId key = new KeyId(ProviderName.of("kie"), 1);
    KeyBlock billing = new KeyBlock(KeyEffect.BLOCK,
        Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));

    first.block(key, billing);
    second.block(key, new KeyBlock(KeyEffect.COOL_DOWN, billing.until().minus(Duration.ofHours(23))));

    assertThat(second.health(List.of(key)).get(0).block()).contains(billing);
    long turn = first.nextTurn(ProviderName.of("kie"));
    assertThat(second.nextTurn(ProviderName.of("kie"))).isEqualTo(turn + 1);
    assertThat(first.nextTurn(ProviderName.of("kie"))).isEqualTo(turn + 2);
    second.clear(key);
    assertThat(first.health(List.of(key)).get(0).block()).isEmpty();
  }
}
