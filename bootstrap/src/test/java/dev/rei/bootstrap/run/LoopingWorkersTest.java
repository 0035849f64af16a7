package dev.rei.bootstrap.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopingWorkersTest {

  private static final Duration GENEROUS = Duration.ofSeconds(30);

  @Test
  void givenWorkersRestingForAnHour_whenStopped_thenEveryThreadEnds() {
    AtomicInteger resting = new AtomicInteger();
    LoopingWorkers workers = new LoopingWorkers("test-idle", 3, worker -> false, worker -> {
      resting.incrementAndGet();
      Thread.sleep(Duration.ofHours(1).toMillis());
    });
    workers.start();
    await().atMost(GENEROUS).until(() -> resting.get() >= 3);

    int unfinished = workers.stop(GENEROUS);

    assertThat(unfinished).isZero();
    assertThat(ExitWatchdog.nonDaemonThreads()).noneMatch(name -> name.startsWith("test-idle"));
  }

  @Test
  void givenAStepInProgress_whenStopped_thenTheStepFinishesUninterruptedBeforeStopReturns() throws Exception {
    CountDownLatch inStep = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    LoopingWorkers workers = new LoopingWorkers("test-busy", 1, worker -> {
      inStep.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      finished.set(true);
      return true;
    }, worker -> Thread.sleep(10));
    workers.start();
    assertThat(inStep.await(30, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(() -> workers.stop(GENEROUS));
    stopper.start();
    release.countDown();
    stopper.join(GENEROUS.toMillis());

    assertThat(stopper.isAlive()).isFalse();
    assertThat(finished).isTrue();
    assertThat(interrupted).isFalse();
  }

  @Test
  void givenAStepThatFails_whenRunning_thenTheLoopGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    LoopingWorkers workers = new LoopingWorkers("test-failing", 1, worker -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("database down");
      }
      return false;
    }, worker -> Thread.sleep(5));
    workers.start();

    await().atMost(GENEROUS).until(() -> calls.get() >= 3);

    assertThat(workers.stop(GENEROUS)).isZero();
  }

  @Test
  void errorRestsGrowAndStayBounded() {
    assertThat(LoopingWorkers.errorRest(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(LoopingWorkers.errorRest(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoopingWorkers.errorRest(50)).isEqualTo(Duration.ofSeconds(30));
  }
}
