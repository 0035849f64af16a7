package dev.rei.adapters.providers.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated image provider "works" on an image in all ({@code duration}; zero answers
 * at once, for tests) and how often it asks to be polled meanwhile ({@code pollInterval}).
 */
public record SimulatedImageSettings(Duration duration, Duration pollInterval) {

  // Before the constants below, whose construction reads it.
  private static final Duration MAX = Duration.ofHours(1);

  /** Answers within the submit call. */
  public static final SimulatedImageSettings INSTANT = new SimulatedImageSettings(Duration.ZERO, Duration.ofSeconds(1));
  /** Long enough to watch the progress in the sandbox, short enough not to bore. */
  public static final SimulatedImageSettings SANDBOX =
      new SimulatedImageSettings(Duration.ofSeconds(6), Duration.ofSeconds(2));

  public SimulatedImageSettings {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (duration.isNegative() || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("simulated duration must be 0..1 h, was " + duration);
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("simulated poll interval must be positive and at most 1 h, was " + pollInterval);
    }
  }
}
