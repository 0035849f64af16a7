package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.rei.adapters.providers.kie.KieSettings;
import dev.rei.adapters.providers.openai.OpenAiSettings;
import dev.rei.adapters.providers.reels.ReelsSettings;
import dev.rei.adapters.providers.reels.ReelsTemplates;
import dev.rei.adapters.providers.reels.ReelsVideoProvider;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.ProviderSettings;
import dev.rei.bootstrap.config.Secret;
import dev.rei.bootstrap.run.ResourceStack;

/** Product Reels: the script by OpenAI from the operator's templates, the video by KIE.ai's Sora 2. */
public final class ReelsProvidersModule extends AbstractModule {

  @Provides
  @Singleton
  ReelsVideoProvider reels(ProviderSettings settings, CoreSettings core, KeyHealthStore keyHealth, MediaStore media,
      Clock clock, ResourceStack resources) {
    var config = settings.reels();
    KieSettings kie = KieSettings.of(config.kieKeys().stream().map(Secret::reveal).toList())
        .withBaseUrls(config.kieBaseUrl() + "/", config.kieUploadUrl() + "/");
    OpenAiSettings openAi = OpenAiSettings.of(config.openAiKeys().stream().map(Secret::reveal).toList())
        .withBaseUrl(config.openAiBaseUrl() + "/")
        .withModel(config.openAiModel());
    ReelsTemplates templates;
    try {
      templates = ReelsTemplates.load(config.templatesDir());
    } catch (IllegalArgumentException e) {
      throw new StartupException("REELS_TEMPLATES_DIR: " + e.getMessage(), e);
    }
    return resources.register("Reels clients", new ReelsVideoProvider(new ReelsSettings(kie, openAi, templates,
        core.keyPolicy()), keyHealth, media, clock));
  }

  @ProvidesIntoSet
  GenerationProvider reelsVideos(ReelsVideoProvider provider) {
    return provider;
  }

  @ProvidesIntoSet
  ConfiguredKeyPool videoKeys(ProviderSettings settings) {
    return new ConfiguredKeyPool(ReelsVideoProvider.NAME, settings.reels().kieKeys().size());
  }

  /** The script writer's OpenAI keys: a pool of their own, watched like a provider's (ADR 0007). */
  @ProvidesIntoSet
  ConfiguredKeyPool scriptWriterKeys(ProviderSettings settings) {
    return new ConfiguredKeyPool(ReelsVideoProvider.SCRIPT_WRITER, settings.reels().openAiKeys().size());
  }
}
