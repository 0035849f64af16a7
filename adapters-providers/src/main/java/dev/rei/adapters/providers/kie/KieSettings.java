package dev.rei.adapters.providers.kie;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to reach KIE.ai and what to ask Sora 2 for: the API's base URL ({@code KIE_BASE_URL}), the
 * file-upload host ({@code KIE_UPLOAD_BASE_URL}), the API keys ({@code KIE_API_KEY}, {@code
 * KIE_API_KEY_1}…; key {@code i} is {@code KeyId("kie", i)}), the model, aspect ratio ("portrait"
 * or "landscape"), length in seconds (10 or 15), whether to remove the watermark, an optional
 * callback URL (a hint only, see {@link KieCallbackHint}), the timeouts, the largest video
 * downloaded, how often to poll and how long a video usually takes (for the progress shown while
 * KIE gives none). The keys never appear in {@link #toString()}.
 */
public record KieSettings(
    String baseUrl, String uploadBaseUrl, List<String> apiKeys, String model, String aspectRatio, int frames,
    boolean removeWatermark, Optional<String> callbackUrl, Duration connectTimeout, Duration readTimeout,
    Duration downloadTimeout, long maxVideoBytes, Duration pollInterval, Duration expectedDuration) {

  public static final String DEFAULT_BASE_URL = "https://api.kie.ai/";
  public static final String DEFAULT_UPLOAD_BASE_URL = "https://kieai.redpandaai.co/";
  public static final String DEFAULT_MODEL = "sora-2-image-to-video";
  /** Reels are vertical. */
  public static final String DEFAULT_ASPECT_RATIO = "portrait";
  public static final int DEFAULT_FRAMES = 10;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);
  /** A 15-second Sora 2 video is some megabytes; far more is not a Reels video. */
  public static final long DEFAULT_MAX_VIDEO_BYTES = 200L * 1024 * 1024;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_EXPECTED_DURATION = Duration.ofMinutes(5);

  public static final Set<String> ASPECT_RATIOS = Set.of("portrait", "landscape");
  public static final Set<Integer> FRAMES = Set.of(10, 15);

  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
  // Printable ASCII without spaces: anything else would make OkHttp reject the header, quoting the key.
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,512}");
  private static final int MAX_KEYS = 100;

  public KieSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(uploadBaseUrl, "uploadBaseUrl");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(aspectRatio, "aspectRatio");
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    baseUrl = requireHttpUrl(baseUrl.strip(), "KIE_BASE_URL", true);
    uploadBaseUrl = requireHttpUrl(uploadBaseUrl.strip(), "KIE_UPLOAD_BASE_URL", true);
    callbackUrl = callbackUrl.map(String::strip).filter(s -> !s.isEmpty())
        .map(url -> requireHttpUrl(url, "KIE callback URL", false));
    if (!MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException("KIE model must be a model id like " + DEFAULT_MODEL + ", was \""
          + (model.length() > 100 ? model.substring(0, 100) + "…" : model) + "\"");
    }
    if (!ASPECT_RATIOS.contains(aspectRatio)) {
      throw new IllegalArgumentException("KIE aspect ratio must be portrait or landscape, was \"" + aspectRatio + "\"");
    }
    if (!FRAMES.contains(frames)) {
      throw new IllegalArgumentException("KIE video length must be 10 or 15 seconds, was " + frames);
    }
    if (apiKeys.isEmpty() || apiKeys.size() > MAX_KEYS) {
      throw new IllegalArgumentException("KIE needs 1.." + MAX_KEYS + " API keys, got " + apiKeys.size());
    }
    for (int i = 0; i < apiKeys.size(); i++) {
      String key = apiKeys.get(i);
      if (key == null || !KEY.matcher(key).matches()) {
        // Never quote the key: this line ends up in a log.
        throw new IllegalArgumentException("KIE API key #" + i
            + " is empty or has characters an API key cannot have (spaces, quotes from the .env file?)");
      }
    }
    apiKeys = List.copyOf(apiKeys);
    requireBetween(connectTimeout, Duration.ofMinutes(5), "connect timeout");
    requireBetween(readTimeout, Duration.ofMinutes(5), "read timeout");
    requireBetween(downloadTimeout, Duration.ofMinutes(30), "download timeout");
    requireBetween(pollInterval, Duration.ofHours(1), "poll interval");
    requireBetween(expectedDuration, Duration.ofHours(6), "expected duration");
    if (maxVideoBytes < 1024 || maxVideoBytes > 2L * 1024 * 1024 * 1024) {
      throw new IllegalArgumentException("KIE max video size must be 1 KiB..2 GiB, was " + maxVideoBytes);
    }
  }

  /** The defaults with {@code apiKeys}. */
  public static KieSettings of(List<String> apiKeys) {
    return new KieSettings(DEFAULT_BASE_URL, DEFAULT_UPLOAD_BASE_URL, apiKeys, DEFAULT_MODEL, DEFAULT_ASPECT_RATIO,
        DEFAULT_FRAMES, true, Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT,
        DEFAULT_MAX_VIDEO_BYTES, DEFAULT_POLL_INTERVAL, DEFAULT_EXPECTED_DURATION);
  }

  /** These settings with other hosts (a proxy, a test server). */
  public KieSettings withBaseUrls(String api, String upload) {
    return new KieSettings(api, upload, apiKeys, model, aspectRatio, frames, removeWatermark, callbackUrl,
        connectTimeout, readTimeout, downloadTimeout, maxVideoBytes, pollInterval, expectedDuration);
  }

  /** These settings with another largest video. */
  public KieSettings withMaxVideoBytes(long bytes) {
    return new KieSettings(baseUrl, uploadBaseUrl, apiKeys, model, aspectRatio, frames, removeWatermark, callbackUrl,
        connectTimeout, readTimeout, downloadTimeout, bytes, pollInterval, expectedDuration);
  }

  /** These settings with a callback URL KIE calls when a task ends. */
  public KieSettings withCallbackUrl(String url) {
    return new KieSettings(baseUrl, uploadBaseUrl, apiKeys, model, aspectRatio, frames, removeWatermark,
        Optional.of(url), connectTimeout, readTimeout, downloadTimeout, maxVideoBytes, pollInterval, expectedDuration);
  }

  /** The longest a whole API call may take. */
  public Duration callTimeout() {
    return connectTimeout.plus(readTimeout).plus(readTimeout);
  }

  @Override
  public String toString() {
    return "KieSettings[baseUrl=" + baseUrl + ", uploadBaseUrl=" + uploadBaseUrl + ", apiKeys=" + apiKeys.size()
        + " (hidden), model=" + model + ", aspectRatio=" + aspectRatio + ", frames=" + frames + ", removeWatermark="
        + removeWatermark + ", callbackUrl=" + (callbackUrl.isPresent() ? "(set, hidden)" : "none") + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", downloadTimeout=" + downloadTimeout + ", maxVideoBytes="
        + maxVideoBytes + ", pollInterval=" + pollInterval + ", expectedDuration=" + expectedDuration + "]";
  }

  private static String requireHttpUrl(String url, String what, boolean base) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null || (base && uri.getRawQuery() != null)) {
        // The URL is not quoted: a callback URL carries a secret.
        throw new IllegalArgumentException(what + " must be an http(s) URL without credentials"
            + (base ? " or query" : ""));
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " is not a URL");
    }
    return base && !url.endsWith("/") ? url + "/" : url;
  }

  private static void requireBetween(Duration value, Duration max, String what) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException("KIE " + what + " must be positive and at most " + max + ", was " + value);
    }
  }
}
