package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.rei.adapters.providers.gemini.GeminiImageProvider;
import dev.rei.adapters.providers.gemini.GeminiSettings;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.ProviderSettings;
import dev.rei.bootstrap.config.Secret;
import dev.rei.bootstrap.run.ResourceStack;

/** Image generation and editing on Google Gemini ("Nano Banana Pro") with the configured key pool. */
public final class GeminiProvidersModule extends AbstractModule {

  @Provides
  @Singleton
  GeminiImageProvider gemini(ProviderSettings settings, MediaStore media, ResourceStack resources) {
    var config = settings.gemini();
    GeminiSettings gemini = new GeminiSettings(config.baseUrl().toString(), config.model(),
        config.keys().stream().map(Secret::reveal).toList(), GeminiSettings.DEFAULT_CONNECT_TIMEOUT,
        GeminiSettings.DEFAULT_READ_TIMEOUT);
    return resources.register("Gemini client", new GeminiImageProvider(gemini, media));
  }

  @ProvidesIntoSet
  GenerationProvider images(GeminiImageProvider provider) {
    return provider;
  }
  @ProvidesIntoSet
  ConfiguredKeyPool keys(ProviderSettings settings) {
    return new ConfiguredKeyPool(GeminiImageProvider.NAME, settings.gemini().keys().size());
  }
}
