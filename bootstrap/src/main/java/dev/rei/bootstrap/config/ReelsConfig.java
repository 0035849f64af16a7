package dev.rei.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Product Reels: KIE.ai keys and addresses (Sora 2 image-to-video), OpenAI keys, model and address
 * (the script writer), and the directory of operator-edited script templates, if any.
 */
public record ReelsConfig(List<Secret> kieKeys, URI kieBaseUrl, URI kieUploadUrl, List<Secret> openAiKeys,
    URI openAiBaseUrl, String openAiModel, Optional<Path> templatesDir) {

  public ReelsConfig {
    kieKeys = List.copyOf(kieKeys);
    Objects.requireNonNull(kieBaseUrl, "kieBaseUrl");
    Objects.requireNonNull(kieUploadUrl, "kieUploadUrl");
    openAiKeys = List.copyOf(openAiKeys);
    Objects.requireNonNull(openAiBaseUrl, "openAiBaseUrl");
    Objects.requireNonNull(openAiModel, "openAiModel");
    Objects.requireNonNull(templatesDir, "templatesDir");
  }

  /** Reels are offered when KIE keys are set (OpenAI keys are then required too). */
  public boolean configured() {
    return !kieKeys.isEmpty();
  }
}
