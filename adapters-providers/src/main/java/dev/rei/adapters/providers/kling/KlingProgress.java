package dev.rei.adapters.providers.kling;

import java.time.Duration;

/**
 * Kling reports a status but no percentage, so progress is estimated from the time since submission
 * against a typical generation time: {@code 95 × (1 − e^(−2t/typical))} — about 82 % at the typical
 * time, rising ever slower, never past 95 % until the video is really there. A function of elapsed
 * time only, so it never goes back, and a restart changes nothing.
 */
final class KlingProgress {

  static final int CAP = 95;

  private KlingProgress() {}

  static int estimate(Duration elapsed, Duration typical) {
    if (elapsed.isNegative() || elapsed.isZero()) {
      return 1;
    }
    double ratio = (double) elapsed.toMillis() / Math.max(1, typical.toMillis());
    int percent = (int) Math.round(CAP * (1 - Math.exp(-2 * ratio)));
    return Math.max(1, Math.min(CAP, percent));
  }
}
