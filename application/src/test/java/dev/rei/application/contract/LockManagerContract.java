package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.LockManager;
import dev.rei.application.port.out.LockManager.DistributedLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LockManager} must do. Subclasses give a fresh one and make time pass for it:
 * a fake moves its clock, a real store waits. Only {@link #SHORT} ttls are ever let pass, twice in
 * all, so a real store's tests wait well under two seconds.
 */
public abstract class LockManagerContract {

  /** Short enough to wait for, long enough that a test step never outlives it by accident. */
  protected static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration LONG = Duration.ofMinutes(1);

  protected abstract LockManager newLockManager();

  /** Lets more than {@code duration} pass for the lock manager under test. */
  protected abstract void letPass(Duration duration);

  private LockManager locks;

  @BeforeEach
  void fresh() {
    locks = newLockManager();
  }

  @Test
  void givenHeldLock_nobodyElse_getsIt_untilItIsReleased() {
    DistributedLock held = locks.tryAcquire("sweeper", LONG).orElseThrow();

    assertThat(held.name()).isEqualTo("sweeper");
    assertThat(locks.tryAcquire("sweeper", LONG)).isEmpty();
    assertThat(locks.tryAcquire("other", LONG)).isPresent();
    assertThat(held.release()).isTrue();
    assertThat(held.release()).isFalse();
    assertThat(locks.tryAcquire("sweeper", LONG).orElseThrow().fencingToken())
        .isGreaterThan(held.fencingToken());
  }

  @Test
  void givenReleasedLock_theOldHandle_canNeitherReleaseNorExtendTheNextHoldersLock() {
    DistributedLock first = locks.tryAcquire("job", LONG).orElseThrow();
    first.release();
    DistributedLock second = locks.tryAcquire("job", LONG).orElseThrow();

    assertThat(first.release()).isFalse();
    assertThat(first.extend(LONG)).isFalse();

    assertThat(locks.tryAcquire("job", LONG)).isEmpty();
    assertThat(second.extend(LONG)).isTrue();
    assertThat(second.release()).isTrue();
  }

  @Test
  void givenExpiredLock_theNextHolder_getsIt_andTheOldHolderCanNeitherReleaseNorExtendIt() {
    DistributedLock old = locks.tryAcquire("job", SHORT).orElseThrow();

    letPass(SHORT);
    DistributedLock next = locks.tryAcquire("job", LONG).orElseThrow();

    assertThat(next.fencingToken()).isGreaterThan(old.fencingToken());
    assertThat(old.release()).isFalse();
    assertThat(old.extend(LONG)).isFalse();
    assertThat(locks.tryAcquire("job", LONG)).isEmpty();
  }

  @Test
  void givenExtendedLock_itOutlivesItsFirstTtl() {
    DistributedLock held = locks.tryAcquire("job", SHORT).orElseThrow();

    assertThat(held.extend(LONG)).isTrue();
    letPass(SHORT);

    assertThat(locks.tryAcquire("job", LONG)).isEmpty();
    assertThat(held.release()).isTrue();
  }

  @Test
  void givenLockInTryWithResources_closing_releasesIt() {
    long token;
    try (DistributedLock held = locks.tryAcquire("sweeper", LONG).orElseThrow()) {
      token = held.fencingToken();
      assertThat(locks.tryAcquire("sweeper", LONG)).isEmpty();
    }

    assertThat(locks.tryAcquire("sweeper", LONG).orElseThrow().fencingToken()).isGreaterThan(token);
  }

  @Test
  void givenNonPositiveTtl_acquiringOrExtending_isRefusedAsAMistake() {
    assertThatThrownBy(() -> locks.tryAcquire("job", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> locks.tryAcquire("job", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    DistributedLock held = locks.tryAcquire("job", LONG).orElseThrow();
    assertThatThrownBy(() -> held.extend(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSixteenThreadsContending_neverTwoHoldAtOnce_andEachHoldersTokenIsLargerThanTheLast() throws Exception {
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger mostHolders = new AtomicInteger();
    // Appended only while holding the lock, so the list is in the order the lock was taken.
    List<Long> tokens = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < 16; thread++) {
        work.add(pool.submit(() -> {
          for (int attempt = 0; attempt < 40; attempt++) {
            Optional<DistributedLock> lock = locks.tryAcquire("hot", LONG);
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
}
