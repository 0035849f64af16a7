package dev.rei.bootstrap.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that each repeat one step for as long as the process runs, resting when a step found
 * nothing to do. Stopping interrupts only threads that are resting: a thread in the middle of a
 * step (a provider call, a transaction) is left to finish it, and is interrupted only when the
 * grace period is over.
 */
final class LoopingWorkers {

  private static final Logger LOG = LoggerFactory.getLogger(LoopingWorkers.class);
  /** After a step failed, rest at least this long, so a broken database does not spin a CPU. */
  private static final Duration FIRST_ERROR_REST = Duration.ofMillis(500);
  private static final Duration LONGEST_ERROR_REST = Duration.ofSeconds(30);

  /** One step of work; returns whether it did something (then the next step follows at once). */
  interface Step {
    boolean run(int worker) throws Exception;
  }

  /** Waits for more work ({@code worker} is the one resting); returns early when woken, throws when interrupted. */
  interface Rest {
    void await(int worker) throws InterruptedException;
  }

  private final String name;
  private final int count;
  private final Step step;
  private final Rest rest;
  private final List<Worker> workers = new ArrayList<>();
  private volatile boolean running;

  LoopingWorkers(String name, int count, Step step, Rest rest) {
    this.name = name;
    this.count = count;
    this.step = step;
    this.rest = rest;
  }

  synchronized void start() {
    running = true;
    DaemonThreads threads = new DaemonThreads(name);
    for (int i = 0; i < count; i++) {
      Worker worker = new Worker(i);
      worker.thread = threads.newThread(worker);
      workers.add(worker);
    }
    workers.forEach(w -> w.thread.start());
  }

  /** Stops; returns how many threads were still inside a step when the grace period ended. */
  synchronized int stop(Duration grace) {
    running = false;
    workers.forEach(Worker::interruptIfResting);
    long deadline = System.nanoTime() + grace.toNanos();
    int unfinished = 0;
    for (Worker worker : workers) {
      try {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        worker.thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (worker.thread.isAlive()) {
        unfinished++;
        // The step's own timeouts end it; the thread is a daemon and cannot hold the JVM.
        worker.thread.interrupt();
      }
    }
    workers.clear();
    return unfinished;
  }

  private final class Worker implements Runnable {

    private final int index;
    private Thread thread;
    private boolean resting;
    private int failures;

    Worker(int index) {
      this.index = index;
    }

    @Override
    public void run() {
      while (running) {
        if (!enterStep()) {
          return;
        }
        boolean worked;
        try {
          worked = step.run(index);
          failures = 0;
        } catch (Exception e) {
          worked = false;
          failures++;
          LOG.error("{}-{}: a step failed (failure {} in a row)", name, index + 1, failures, e);
        }
        if (worked && failures == 0) {
          continue;
        }
        if (!enterRest()) {
          return;
        }
        try {
          if (failures > 0) {
            Thread.sleep(errorRest(failures).toMillis());
          } else {
            rest.await(index);
          }
        } catch (InterruptedException e) {
          // Woken to stop: the loop condition decides.
        }
      }
    }

    private synchronized boolean enterStep() {
      resting = false;
      // An interrupt meant for the rest must not hit the step's I/O.
      Thread.interrupted();
      return running;
    }

    private synchronized boolean enterRest() {
      resting = true;
      return running;
    }

    synchronized void interruptIfResting() {
      if (resting) {
        thread.interrupt();
      }
    }
  }

  static Duration errorRest(int failures) {
    Duration rest = FIRST_ERROR_REST.multipliedBy(1L << Math.min(failures - 1, 10));
    return rest.compareTo(LONGEST_ERROR_REST) > 0 ? LONGEST_ERROR_REST : rest;
  }
}
