package dev.rei.adapters.providers.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach OpenAI's chat completions: the base URL in the OpenAI SDKs' convention, ending in
 * {@code /v1} ({@code OPENAI_BASE_URL}; a compatible proxy works too), the model ({@code
 * OPENAI_MODEL}), the API keys ({@code OPENAI_API_KEY}, {@code OPENAI_API_KEY_1}…; key {@code i} is
 * {@code KeyId("openai", i)}), the timeouts and the most tokens a script may take. The keys never
 * appear in {@link #toString()}.
 */
public record OpenAiSettings(
    String baseUrl, String model, List<String> apiKeys, Duration connectTimeout, Duration readTimeout,
    int maxCompletionTokens) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1/";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** A script of some hundred words takes seconds; a minute leaves room for a slow hour. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  /** A 2,000-character prompt is some 600 tokens; reasoning models spend more before they answer. */
  public static final int DEFAULT_MAX_COMPLETION_TOKENS = 4_000;

  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");
  // Printable ASCII without spaces: anything else would make OkHttp reject the header, quoting the key.
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,512}");
  private static final int MAX_KEYS = 100;
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  public OpenAiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    baseUrl = requireHttpUrl(baseUrl.strip());
    if (!MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException("OPENAI_MODEL must be a model id like " + DEFAULT_MODEL + ", was \""
          + (model.length() > 100 ? model.substring(0, 100) + "…" : model) + "\"");
    }
    if (apiKeys.isEmpty() || apiKeys.size() > MAX_KEYS) {
      throw new IllegalArgumentException("OpenAI needs 1.." + MAX_KEYS + " API keys, got " + apiKeys.size());
    }
    for (int i = 0; i < apiKeys.size(); i++) {
      String key = apiKeys.get(i);
      if (key == null || !KEY.matcher(key).matches()) {
        // Never quote the key: this line ends up in a log.
        throw new IllegalArgumentException("OpenAI API key #" + i
            + " is empty or has characters an API key cannot have (spaces, quotes from the .env file?)");
      }
    }
    apiKeys = List.copyOf(apiKeys);
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
    if (maxCompletionTokens < 100 || maxCompletionTokens > 100_000) {
      throw new IllegalArgumentException("OpenAI max completion tokens must be 100..100000, was " + maxCompletionTokens);
    }
  }

  /** The defaults with {@code apiKeys}. */
  public static OpenAiSettings of(List<String> apiKeys) {
    return new OpenAiSettings(DEFAULT_BASE_URL, DEFAULT_MODEL, apiKeys, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_COMPLETION_TOKENS);
  }

  /** These settings with another base URL (a proxy, a test server). */
  public OpenAiSettings withBaseUrl(String url) {
    return new OpenAiSettings(url, model, apiKeys, connectTimeout, readTimeout, maxCompletionTokens);
  }

  /** These settings with another model. */
  public OpenAiSettings withModel(String name) {
    return new OpenAiSettings(baseUrl, name, apiKeys, connectTimeout, readTimeout, maxCompletionTokens);
  }

  /** The longest a whole call may take. */
  public Duration callTimeout() {
    return connectTimeout.plus(readTimeout).plus(readTimeout);
  }

  @Override
  public String toString() {
    return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKeys=" + apiKeys.size()
        + " (hidden), connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxCompletionTokens="
        + maxCompletionTokens + "]";
  }

  private static String requireHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("OPENAI_BASE_URL must be an http(s) URL without query or credentials, was "
            + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("OPENAI_BASE_URL is not a URL: " + url, e);
    }
    return url.endsWith("/") ? url : url + "/";
  }

  private static void requirePositive(Duration timeout, String what) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("OpenAI " + what + " must be positive and at most 10 minutes, was " + timeout);
    }
  }
}
