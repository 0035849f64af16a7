package dev.rei.adapters.providers.simulated;

import dev.rei.domain.job.FailureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated generation in flight, written whole into its task id — when it started, how long it
 * takes and how it ends — so polls need no memory and survive a restart, as a real provider's do.
 * The end is either the media key of the image already stored, or the failure class asked for.
 */
record SimulatedTask(Instant startedAt, Duration duration, Optional<String> resultKey, Optional<FailureClass> failure) {

  private static final String VERSION = "sim1";
  private static final int MAX_TASK_ID_LENGTH = 200;
  private static final Pattern FORM =
      Pattern.compile("sim1:(\\d{1,15}):(\\d{1,10}):(?:done-([A-Za-z0-9_-]{1,150})|fail-([A-Z_]{1,40}))");

  SimulatedTask {
    if (resultKey.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("a simulated task ends with a result or a failure");
    }
  }

  static SimulatedTask succeeding(Instant startedAt, Duration duration, String resultKey) {
    return new SimulatedTask(startedAt, duration, Optional.of(resultKey), Optional.empty());
  }

  static SimulatedTask failing(Instant startedAt, Duration duration, FailureClass failure) {
    return new SimulatedTask(startedAt, duration, Optional.empty(), Optional.of(failure));
  }

  /** The task id, or empty when a media key cannot be written into one. */
  Optional<String> id() {
    String end = resultKey.map(key -> "done-" + key).orElseGet(() -> "fail-" + failure.orElseThrow().name());
    String id = VERSION + ":" + startedAt.toEpochMilli() + ":" + duration.toMillis() + ":" + end;
    return FORM.matcher(id).matches() && id.length() <= MAX_TASK_ID_LENGTH ? Optional.of(id) : Optional.empty();
  }

  /** The task {@code taskId} names, or empty when it is not one of ours. */
  static Optional<SimulatedTask> parse(String taskId) {
    Matcher matcher = FORM.matcher(taskId);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Instant startedAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    Duration duration = Duration.ofMillis(Long.parseLong(matcher.group(2)));
    if (matcher.group(3) != null) {
      return Optional.of(succeeding(startedAt, duration, matcher.group(3)));
    }
    for (FailureClass failureClass : FailureClass.values()) {
      if (failureClass.name().equals(matcher.group(4))) {
        return Optional.of(failing(startedAt, duration, failureClass));
      }
    }
    return Optional.empty();
  }

  Instant endsAt() {
    return startedAt.plus(duration);
  }
}
