package dev.rei.bootstrap.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Google Gemini image generation: the key pool, the model and the API's base URL. */
public record GeminiSettings(List<Secret> keys, String model, URI baseUrl) {

  public static final String DEFAULT_MODEL = "gemini-3-pro-image-preview";
  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

  public GeminiSettings {
    keys = List.copyOf(keys);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseUrl, "baseUrl");
  }
}
