package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.rei.adapters.providers.simulated.SimulatedImageProvider;
import dev.rei.adapters.providers.simulated.SimulatedImageSettings;
import dev.rei.adapters.providers.simulated.SimulatedVideoProvider;
import dev.rei.adapters.providers.simulated.SimulatedVideoSettings;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.ProviderSettings;
import java.time.Duration;

/** Generation without keys or network: the simulated image and video providers, taking the configured times. */
public final class SimulatedProvidersModule extends AbstractModule {

  @Provides
  @Singleton
  SimulatedImageProvider simulatedImages(MediaStore media, Clock clock, ProviderSettings settings) {
    Duration duration = settings.simulatedDelay();
    // A few progress steps over the run, never polled more often than every 200 ms.
    Duration poll = duration.isZero() ? Duration.ofSeconds(1) : max(duration.dividedBy(3), Duration.ofMillis(200));
    return new SimulatedImageProvider(media, clock, new SimulatedImageSettings(duration, poll));
  }

  @ProvidesIntoSet
  GenerationProvider images(SimulatedImageProvider provider) {
    return provider;
  }

  @Provides
  @Singleton
  SimulatedVideoProvider simulatedVideos(MediaStore media, Clock clock, ProviderSettings settings) {
    Duration duration = settings.simulatedVideoDelay();
    Duration poll = duration.isZero() ? Duration.ofSeconds(1) : max(duration.dividedBy(5), Duration.ofMillis(200));
    return new SimulatedVideoProvider(media, clock, new SimulatedVideoSettings(duration, poll));
  }

  @ProvidesIntoSet
  GenerationProvider videos(SimulatedVideoProvider provider) {
    return provider;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
  /** Simulated providers have one make-believe key each; blocking it in Redis shows in health and alerts. */
  @ProvidesIntoSet
  ConfiguredKeyPool imageKey() {
    return new ConfiguredKeyPool(SimulatedImageProvider.NAME, 1);
  }

  @ProvidesIntoSet
  ConfiguredKeyPool videoKey() {
    return new ConfiguredKeyPool(SimulatedVideoProvider.NAME, 1);
  }
}
