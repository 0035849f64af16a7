package dev.rei.adapters.providers.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated video provider "works" on a video in all ({@code delay}; zero answers at
 * once, for tests) and how often it asks to be polled meanwhile ({@code pollInterval}).
 */
public record SimulatedVideoSettings(Duration delay, Duration pollInterval) {

  // Before the constants below, whose construction reads it.
  private static final Duration MAX = Duration.ofHours(1);

  /** Answers within the submit call. */
  public static final SimulatedVideoSettings INSTANT = new SimulatedVideoSettings(Duration.ZERO, Duration.ofSeconds(1));
  /** Long enough to watch the progress move in the sandbox, short enough not to bore. */
  public static final SimulatedVideoSettings SANDBOX =
      new SimulatedVideoSettings(Duration.ofSeconds(15), Duration.ofSeconds(3));

  public SimulatedVideoSettings {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (delay.isNegative() || delay.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("simulated video delay must be 0..1 h, was " + delay);
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("simulated poll interval must be positive and at most 1 h, was " + pollInterval);
    }
  }
}
