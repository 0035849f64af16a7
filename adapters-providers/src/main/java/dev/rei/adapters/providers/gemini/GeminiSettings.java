package dev.rei.adapters.providers.gemini;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach Gemini: the API's base URL, the image model, the API keys (key {@code i} is {@code
 * KeyId("gemini", i)}) and the timeouts. {@code readTimeout} bounds the wait for an answer, which
 * Gemini sends only when the image is done; a whole call is cut after {@code connectTimeout + 2 ×
 * readTimeout}. The keys never appear in {@link #toString()}.
 */
public record GeminiSettings(
    String baseUrl, String model, List<String> apiKeys, Duration connectTimeout, Duration readTimeout) {

  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/";
  /** "Nano Banana Pro". */
  public static final String DEFAULT_MODEL = "gemini-3-pro-image-preview";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Gemini 3 Pro Image usually answers in 10–60 s; 2 × 120 s + 10 s still ends within a job's 5-minute lease. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  // Printable ASCII without spaces: anything else would make OkHttp reject the header, quoting the key.
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,512}");
  private static final int MAX_KEYS = 100;
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  public GeminiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    baseUrl = requireHttpUrl(baseUrl.strip());
    if (!MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException("Gemini model must be a model id like " + DEFAULT_MODEL + ", was \""
          + (model.length() > 100 ? model.substring(0, 100) + "…" : model) + "\"");
    }
    if (apiKeys.isEmpty() || apiKeys.size() > MAX_KEYS) {
      throw new IllegalArgumentException("Gemini needs 1.." + MAX_KEYS + " API keys, got " + apiKeys.size());
    }
    for (int i = 0; i < apiKeys.size(); i++) {
      String key = apiKeys.get(i);
      if (key == null || !KEY.matcher(key).matches()) {
        // Never quote the key: this line ends up in a log.
        throw new IllegalArgumentException("Gemini API key #" + i
            + " is empty or has characters an API key cannot have (spaces, quotes from the .env file?)");
      }
    }
    apiKeys = List.copyOf(apiKeys);
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
  }

  /** The defaults with {@code apiKeys}. */
  public static GeminiSettings of(List<String> apiKeys) {
    return new GeminiSettings(DEFAULT_BASE_URL, DEFAULT_MODEL, apiKeys, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  /** The longest a whole call may take. */
  public Duration callTimeout() {
    return connectTimeout.plus(readTimeout).plus(readTimeout);
  }

  @Override
  public String toString() {
    return "GeminiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKeys=" + apiKeys.size()
        + " (hidden), connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }

  private static String requireHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("Gemini base URL must be an http(s) URL without query or credentials, was "
            + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Gemini base URL is not a URL: " + url, e);
    }
    return url.endsWith("/") ? url : url + "/";
  }

  private static void requirePositive(Duration timeout, String what) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("Gemini " + what + " must be positive and at most an hour, was " + timeout);
    }
  }
}
