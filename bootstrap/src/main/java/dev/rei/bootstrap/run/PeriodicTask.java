package dev.rei.bootstrap.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every {@code interval} (after the previous run ends) on a daemon thread: the sweeper,
 * the payment reconciler. A failed run is logged and the next one still comes.
 */
public final class PeriodicTask implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private final Runnable task;
  private ScheduledExecutorService executor;

  public PeriodicTask(String name, Duration interval, Runnable task) {
    this.name = name;
    this.interval = interval;
    this.task = task;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("rei-" + name.replace(' ', '-')));
    // The first run comes soon after start, so a restarted process clears what piled up while it was down.
    executor.scheduleWithFixedDelay(this::runOnce, Math.min(interval.toMillis(), 1_000), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("{} failed; it runs again in {}", name, interval, e);
    }
  }

  @Override
  public synchronized void stop(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
