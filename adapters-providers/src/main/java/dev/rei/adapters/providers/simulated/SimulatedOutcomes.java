package dev.rei.adapters.providers.simulated;

import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The outcomes both simulated providers answer with, from a {@link SimulatedTask}. */
final class SimulatedOutcomes {

  private SimulatedOutcomes() {}

  /**
   * The answer to a submit: finished at once for a task of no duration, else pending under its
   * task id (finished at once too when the media key does not fit one, rather than lose the result).
   */
  static Outcome started(SimulatedTask task, Instant now, Duration pollInterval,
      Function<SimulatedTask, Outcome> finish) {
    if (task.duration().isZero()) {
      return finish.apply(task);
    }
    return task.id().map(id -> pending(id, task, now, pollInterval)).orElseGet(() -> finish.apply(task));
  }

  /** Progress by elapsed time, never 100 before the end; polled again at the end or every {@code pollInterval}. */
  static Outcome pending(String taskId, SimulatedTask task, Instant now, Duration pollInterval) {
    Duration elapsed = Duration.between(task.startedAt(), now);
    long percent = task.duration().isZero() ? 99 : Math.max(0, elapsed.toMillis()) * 100 / task.duration().toMillis();
    Duration remaining = Duration.between(now, task.endsAt());
    Duration pollAfter = remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval;
    return new Outcome.Pending(taskId, Progress.of((int) Math.min(99, percent)), pollAfter);
  }

  /** The failure the task was asked to end with by a {@code #fail:} marker, if any. */
  static Optional<Outcome> requestedFailure(SimulatedTask task) {
    return task.failure().map(failureClass -> failed(failureClass, "simulated " + failureClass
        + " failure, asked for with #fail:" + failureClass.name().toLowerCase(Locale.ROOT)));
  }

  static Outcome failed(FailureClass failureClass, String message) {
    return new Outcome.Failed(Failure.of(failureClass, message));
  }

  /** A line for the log. */
  static String describe(Outcome outcome) {
    if (outcome instanceof Outcome.Done done) {
      return "done " + done.result().value();
    }
    if (outcome instanceof Outcome.Pending pending) {
      return "pending " + pending.taskId() + ", poll after " + pending.pollAfter();
    }
    return "failed " + ((Outcome.Failed) outcome).failure().failureClass();
  }
}
