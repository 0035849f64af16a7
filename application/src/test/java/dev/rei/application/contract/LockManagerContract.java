package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.LockManager;
import dev.rei.application.port.out.LockManager.DistributedLock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LockManager} must do; subclasses give a fresh one and make time pass. */
public abstract class LockManagerContract {

  protected static final Duration SHORT = Duration.ofMillis(200);

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
    DistributedLock held = locks.tryAcquire("sweeper", Duration.ofMinutes(1)).orElseThrow();

    assertThat(locks.tryAcquire("sweeper", Duration.ofMinutes(1))).isEmpty();
    assertThat(locks.tryAcquire("other", Duration.ofMinutes(1))).isPresent();
    assertThat(held.release()).isTrue();
    assertThat(held.release()).isFalse();
    assertThat(locks.tryAcquire("sweeper", Duration.ofMinutes(1)).orElseThrow().fencingToken())
        .isGreaterThan(held.fencingToken());
  }

  @Test
  void givenExpiredLock_theNextHolder_getsIt_andTheOldHolderCanNeitherReleaseNorExtendIt() {
    DistributedLock old = locks.tryAcquire("job", SHORT).orElseThrow();

    letPass(SHORT);
    DistributedLock next = locks.tryAcquire("job", Duration.ofMinutes(1)).orElseThrow();

    assertThat(next.fencingToken()).isGreaterThan(old.fencingToken());
    assertThat(old.release()).isFalse();
    assertThat(old.extend(Duration.ofMinutes(1))).isFalse();
    assertThat(locks.tryAcquire("job", Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void givenExtendedLock_itOutlivesItsFirstTtl() {
    DistributedLock held = locks.tryAcquire("job", SHORT).orElseThrow();

    assertThat(held.extend(Duration.ofMinutes(1))).isTrue();
    letPass(SHORT);

    assertThat(locks.tryAcquire("job", Duration.ofMinutes(1))).isEmpty();
  }
}
