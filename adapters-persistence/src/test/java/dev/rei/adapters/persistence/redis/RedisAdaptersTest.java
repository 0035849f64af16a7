package dev.rei.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Locks and rate limits on a real Redis, shared between two connections as between two processes. */
class RedisAdaptersTest {

  private static final UserId ALICE = UserId.of(1001);
  // Inside one minute window, so window counts do not roll over mid-test.
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:05Z");

  private RedisConnection one;
  private RedisConnection two;

  @BeforeEach
  void connect() {
    one = TestRedis.fresh();
    two = RedisConnection.open(TestRedis.url());
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
  }

  @Nested
  class Locks {

    @Test
    void givenHeldLock_anotherProcess_cannotTakeOrReleaseIt_untilReleased() {
      RedisLockManager first = new RedisLockManager(one);
      RedisLockManager second = new RedisLockManager(two);

      DistributedLock held = first.tryAcquire("sweeper", Duration.ofSeconds(30)).orElseThrow();
      assertThat(second.tryAcquire("sweeper", Duration.ofSeconds(30))).isEmpty();
      assertThat(held.extend(Duration.ofSeconds(30))).isTrue();
      assertThat(held.release()).isTrue();
      assertThat(held.release()).isFalse();

      DistributedLock next = second.tryAcquire("sweeper", Duration.ofSeconds(30)).orElseThrow();
      assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
      // A stale holder can neither release nor extend the new holder's lock.
      assertThat(held.release()).isFalse();
      assertThat(held.extend(Duration.ofSeconds(30))).isFalse();
      next.close();
    }

    @Test
    void givenExpiredLock_theNextHolder_takesItWithALargerToken() {
      RedisLockManager locks = new RedisLockManager(one);
      DistributedLock short_ = locks.tryAcquire("job-x", Duration.ofMillis(100)).orElseThrow();

      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> locks.tryAcquire("job-x", Duration.ofSeconds(10)).isPresent());

      assertThat(short_.release()).isFalse();
    }

    @Test
    void givenSixteenThreadsContending_neverTwoHoldersAtOnce_andTokensNeverRepeat() throws Exception {
      RedisLockManager locks = new RedisLockManager(one);
      AtomicInteger holders = new AtomicInteger();
      AtomicInteger maxHolders = new AtomicInteger();
      Set<Long> tokens = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            Optional<DistributedLock> lock = locks.tryAcquire("hot", Duration.ofSeconds(10));
            if (lock.isPresent()) {
              maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
              assertThat(tokens.add(lock.get().fencingToken())).isTrue();
              holders.decrementAndGet();
              lock.get().release();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
      pool.shutdown();

      assertThat(maxHolders.get()).isEqualTo(1);
      assertThat(tokens).isNotEmpty();
    }
  }

  @Nested
  class RateLimits {

    @Test
    void givenTwoProcesses_theyShareTheWindow_andRepeatViolationsBlockLonger() {
      RedisRateLimiter first = new RedisRateLimiter(one, RateLimitPolicy.DEFAULT);
      RedisRateLimiter second = new RedisRateLimiter(two, RateLimitPolicy.DEFAULT);

      assertThat(first.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
      assertThat(second.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
      LimitDecision third = first.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);

      assertThat(third.refusal()).contains(LimitRefusal.RATE_LIMITED);
      assertThat(third.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
      assertThat(second.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(30)).refusal())
          .contains(LimitRefusal.BLOCKED);
      // Other actions and other users are counted apart.
      assertThat(second.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).isAllowed()).isTrue();
      assertThat(second.tryAcquire(UserId.of(2), ActionClass.PAYMENT, NOW).isAllowed()).isTrue();

      // After the block, the next window fills again, and this second violation blocks for 5 minutes.
      Instant later = Instant.parse("2026-06-01T09:02:05Z");
      first.tryAcquire(ALICE, ActionClass.PAYMENT, later);
      first.tryAcquire(ALICE, ActionClass.PAYMENT, later);
      LimitDecision again = second.tryAcquire(ALICE, ActionClass.PAYMENT, later);
      assertThat(again.retryAt()).contains(later.plus(Duration.ofMinutes(5)));
    }
  }

  @Nested
  class WhenRedisIsUnreachable {

    private RedisConnection dead;

    @BeforeEach
    void connectThenStop() {
      EmbeddedRedisServer doomed = EmbeddedRedisServer.start();
      dead = RedisConnection.open(doomed.url());
      doomed.close();
    }

    @AfterEach
    void closeDead() {
      dead.close();
    }

    @Test
    void rateLimits_failOpen_keyHealth_failsOpen_andLocks_failClosed() {
      assertThat(new RedisRateLimiter(dead, RateLimitPolicy.DEFAULT).tryAcquire(ALICE, ActionClass.PAYMENT, NOW)
          .isAllowed()).isTrue();
      RedisKeyHealthStore health = new RedisKeyHealthStore(dead);
      KeyId key = new KeyId(ProviderName.of("kie"), 0);
      health.block(key, new KeyBlock(KeyEffect.BLOCK, NOW.plusSeconds(60)));
      assertThat(health.health(List.of(key)).get(0).block()).isEmpty();
      assertThat(health.nextTurn(ProviderName.of("kie")) + 1).isEqualTo(health.nextTurn(ProviderName.of("kie")));
      assertThat(new RedisLockManager(dead).tryAcquire("sweeper", Duration.ofSeconds(5))).isEmpty();
    }
  }
}
