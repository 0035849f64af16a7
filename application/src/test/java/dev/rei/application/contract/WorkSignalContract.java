package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.WorkSignal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkSignal} must do: a signal written in a transaction wakes a waiting worker
 * when the transaction commits, and not when it rolls back.
 */
public abstract class WorkSignalContract {

  private static final Duration QUIET = Duration.ofMillis(700);

  /** The signal under test, with the unit of work its signals are tied to; called before each test. */
  protected abstract WorkSignal newSignal();

  protected abstract UnitOfWork unitOfWork();

  protected WorkSignal signal;

  @BeforeEach
  void readySignal() throws Exception {
    signal = newSignal();
    // A listener may need a moment to start listening: signal until one gets through, then let stragglers drain.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
      CompletableFuture<Boolean> probe = waiter(Duration.ofMillis(300));
      signal.signal();
      return probe.get(5, TimeUnit.SECONDS);
    });
    while (signal.await(Duration.ofMillis(300))) {
      Thread.onSpinWait();
    }
  }

  private CompletableFuture<Boolean> waiter(Duration timeout) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return signal.await(timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }

  @Test
  void givenNoSignal_await_timesOutWithFalse() throws Exception {
    assertThat(signal.await(Duration.ofMillis(200))).isFalse();
  }

  @Test
  void givenWaitingWorker_aCommittedSignal_wakesIt() throws Exception {
    CompletableFuture<Boolean> waiting = waiter(Duration.ofSeconds(5));

    unitOfWork().inTransaction(signal::signal);

    assertThat(waiting.get(6, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void givenWaitingWorker_aRolledBackSignal_doesNotWakeIt() throws Exception {
    CompletableFuture<Boolean> waiting = waiter(QUIET);
    try {
      unitOfWork().inTransaction(() -> {
        signal.signal();
        throw new IllegalStateException("roll back");
      });
    } catch (IllegalStateException expected) {
      // Only whether the waiter woke matters.
    }

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void givenSignalOutsideATransaction_itIsSentAtOnce() throws Exception {
    CompletableFuture<Boolean> waiting = waiter(Duration.ofSeconds(5));

    signal.signal();

    assertThat(waiting.get(6, TimeUnit.SECONDS)).isTrue();
  }
}
