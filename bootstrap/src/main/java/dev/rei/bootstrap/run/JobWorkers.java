package dev.rei.bootstrap.run;

import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.domain.job.WorkerId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N threads that each take the next due job and move it one step, and when none is due wait for
 * the work signal (or the poll interval, as the signal is only a hint). On stop a job step in
 * progress is finished within the grace period; the jobs of steps still running after it are given
 * back at once (an interrupted attempt counts as a temporary failure and is retried), so other
 * workers take them without waiting for the leases to end. Fencing refuses whatever such a step
 * reports afterwards.
 */
public final class JobWorkers implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
  static final Duration BUSY_REST = Duration.ofMillis(100);

  private final LoopingWorkers loop;
  private final int threads;
  private final ReleaseLeasesUseCase releaseLeases;
  private final WorkerId[] ids;

  public JobWorkers(RunNextJobUseCase runNext, ReleaseLeasesUseCase releaseLeases, WorkSignal signal, Clock clock,
      int threads, Duration idlePoll, String processId, MeterRegistry metrics) {
    this.threads = threads;
    this.releaseLeases = releaseLeases;
    Counter worked = Counter.builder("rei.job.steps").tag("outcome", "worked")
        .description("Job steps taken by this process's workers").register(metrics);
    this.ids = new WorkerId[threads];
    for (int i = 0; i < threads; i++) {
      ids[i] = new WorkerId(processId + "-worker-" + (i + 1));
    }
    // Each worker reads and writes only its own slot.
    AtomicReferenceArray<Optional<Instant>> nextDue = new AtomicReferenceArray<>(threads);
    for (int i = 0; i < threads; i++) {
      nextDue.set(i, Optional.empty());
    }
    this.loop = new LoopingWorkers("rei-job-worker", threads, worker -> {
      WorkResult result = runNext.runNext(ids[worker]);
      if (result instanceof WorkResult.Worked step) {
        worked.increment();
        LOG.debug("job {}: {} -> {}", step.job(), step.from(), step.to());
        return true;
      }
      nextDue.set(worker, ((WorkResult.Idle) result).nextDueAt());
      return false;
    }, worker -> signal.await(restFor(nextDue.get(worker), idlePoll, clock.now())));
  }

  /**
   * How long an idle worker rests: until the next waiting job falls due (a poll or retry time
   * nothing wakes us for), at most {@code idlePoll}; a due time already past — a job another worker
   * holds — rests {@link #BUSY_REST}, so idle workers do not spin on it.
   */
  static Duration restFor(Optional<Instant> nextDue, Duration idlePoll, Instant now) {
    if (nextDue.isEmpty()) {
      return idlePoll;
    }
    Duration until = Duration.between(now, nextDue.get());
    if (until.compareTo(BUSY_REST) < 0) {
      return BUSY_REST;
    }
    return until.compareTo(idlePoll) < 0 ? until : idlePoll;
  }

  @Override
  public String name() {
    return "job workers";
  }

  @Override
  public void start() {
    loop.start();
    LOG.info("{} job worker(s) started", threads);
  }

  @Override
  public void stop(Duration grace) {
    int unfinished = loop.stop(grace);
    int released = 0;
    for (WorkerId worker : ids) {
      try {
        released += releaseLeases.release(worker);
      } catch (RuntimeException e) {
        LOG.warn("could not give back the jobs of {}; they return to the queue when their leases end: {}", worker,
            e.toString());
      }
    }
    if (unfinished > 0 || released > 0) {
      LOG.warn("{} job step(s) did not finish within {}; {} job(s) given back to the queue", unfinished, grace,
          released);
    }
  }
}
