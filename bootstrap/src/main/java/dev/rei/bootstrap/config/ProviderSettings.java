package dev.rei.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The generation providers: simulated ones (no key, no network; {@code REI_SIMULATED=true}, which
 * also simulates the payment rails) or the real APIs with their keys. Video and Reels are offered
 * only when their keys are set.
 */
public record ProviderSettings(boolean simulated, Duration simulatedDelay, Duration simulatedVideoDelay,
    GeminiSettings gemini, KlingConfig kling, ReelsConfig reels) {

  public ProviderSettings {
    Objects.requireNonNull(simulatedDelay, "simulatedDelay");
    Objects.requireNonNull(simulatedVideoDelay, "simulatedVideoDelay");
    Objects.requireNonNull(gemini, "gemini");
    Objects.requireNonNull(kling, "kling");
    Objects.requireNonNull(reels, "reels");
  }

  /** These settings with every provider simulated. */
  public ProviderSettings simulatedOnly() {
    return new ProviderSettings(true, simulatedDelay, simulatedVideoDelay, gemini, kling, reels);
  }
}
