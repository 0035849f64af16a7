package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AlertThrottle} must do. */
public abstract class AlertThrottleContract {

  private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  protected AlertThrottle throttle;
  protected UnitOfWork unitOfWork;

  /** A new, empty throttle; called before each test. */
  protected abstract AlertThrottle newThrottle();

  protected abstract UnitOfWork unitOfWork();

  @BeforeEach
  void fresh() {
    throttle = newThrottle();
    unitOfWork = unitOfWork();
  }

  private boolean letThrough(String key, Instant now) {
    return unitOfWork.inTransaction(() -> throttle.letThrough(key, now, HOUR));
  }

  @Test
  void givenAStorm_oneAlertPerKeyPerWindow() {
    assertThat(letThrough("billing:kie#0", T0)).isTrue();
    assertThat(letThrough("billing:kie#0", T0.plusSeconds(1))).isFalse();
    assertThat(letThrough("billing:kie#0", T0.plus(HOUR).minusSeconds(1))).isFalse();
    assertThat(letThrough("billing:kie#1", T0.plusSeconds(2))).isTrue();
    assertThat(letThrough("billing:kie#0", T0.plus(HOUR))).isTrue();
    assertThat(letThrough("billing:kie#0", T0.plus(HOUR).plusSeconds(5))).isFalse();
  }

  @Test
  void givenTheAlertingChangeRollsBack_theAlertDoesNotCount() {
    assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
      assertThat(throttle.letThrough("ledger", T0, HOUR)).isTrue();
      throw new IllegalStateException("the change failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(letThrough("ledger", T0.plusSeconds(1))).isTrue();
  }

  @Test
  void givenManyConcurrentCallers_exactlyOneIsLetThrough() throws Exception {
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Boolean> call = () -> {
          start.await();
          return letThrough("all_keys_blocked:kling", T0);
        };
        results.add(pool.submit(call));
      }
      start.countDown();
      int through = 0;
      for (Future<Boolean> result : results) {
        through += result.get() ? 1 : 0;
      }
      assertThat(through).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badKeysAreRefused() {
    assertThatThrownBy(() -> letThrough(" ", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> letThrough("x".repeat(AlertThrottle.MAX_KEY_LENGTH + 1), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
