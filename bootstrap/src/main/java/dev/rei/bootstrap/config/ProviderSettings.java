package dev.rei.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The generation providers: simulated ones (no key, no network; {@code REI_SIMULATED=true}, which
 * also simulates the payment rails) or the real APIs with their keys.
 */
public record ProviderSettings(boolean simulated, Duration simulatedDelay, GeminiSettings gemini) {

  public ProviderSettings {
    Objects.requireNonNull(simulatedDelay, "simulatedDelay");
    Objects.requireNonNull(gemini, "gemini");
  }
}
