package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.rei.adapters.providers.kling.KlingCredentials;
import dev.rei.adapters.providers.kling.KlingModel;
import dev.rei.adapters.providers.kling.KlingSettings;
import dev.rei.adapters.providers.kling.KlingVideoProvider;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.ProviderSettings;
import dev.rei.bootstrap.http.MediaLinks;
import dev.rei.bootstrap.run.ResourceStack;
import java.util.Optional;

/**
 * Video on Kling's official API with the configured key pairs and models; video → video gets the
 * input through a signed media link, so it works only with {@code PUBLIC_BASE_URL}.
 */
public final class KlingProvidersModule extends AbstractModule {

  @Provides
  @Singleton
  KlingVideoProvider kling(ProviderSettings settings, CoreSettings core, MediaStore media, Clock clock,
      Optional<MediaLinks> links, ResourceStack resources) {
    var config = settings.kling();
    KlingSettings kling = KlingSettings.of(config.keys().stream()
            .map(pair -> KlingCredentials.of(pair.accessKey().reveal(), pair.secretKey().reveal())).toList())
        .withBaseUrl(config.baseUrl() + "/")
        .withModels(core.prices().videoModels().stream().map(m -> new KlingModel(m.id(), m.displayName())).toList())
        .withMode(config.mode())
        .withPollInterval(config.pollInterval())
        .withPublicMediaUrls(links.<KlingSettings.PublicMediaUrls>map(l -> l::link)
            .orElse(KlingSettings.PublicMediaUrls.NONE));
    return resources.register("Kling client", new KlingVideoProvider(kling, media, clock));
  }

  @ProvidesIntoSet
  GenerationProvider videos(KlingVideoProvider provider) {
    return provider;
  }
  @ProvidesIntoSet
  ConfiguredKeyPool keys(ProviderSettings settings) {
    return new ConfiguredKeyPool(KlingVideoProvider.NAME, settings.kling().keys().size());
  }
}
