package dev.rei.adapters.providers.reels;

import dev.rei.adapters.providers.kie.KieSettings;
import dev.rei.adapters.providers.openai.OpenAiSettings;
import dev.rei.domain.provider.KeyPoolPolicy;
import java.util.Objects;

/**
 * What the Reels provider needs: KIE (the video), OpenAI (the script writer), the script
 * templates, and the key-pool policy of the OpenAI keys, whose rotation the provider does itself
 * (the core rotates the KIE keys).
 */
public record ReelsSettings(KieSettings kie, OpenAiSettings openAi, ReelsTemplates templates, KeyPoolPolicy openAiKeyPolicy) {

  public ReelsSettings {
    Objects.requireNonNull(kie, "kie");
    Objects.requireNonNull(openAi, "openAi");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(openAiKeyPolicy, "openAiKeyPolicy");
  }
}
