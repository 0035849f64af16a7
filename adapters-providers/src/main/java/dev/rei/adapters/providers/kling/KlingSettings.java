package dev.rei.adapters.providers.kling;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Kling's official API and what to ask of it. Bootstrap builds it from the
 * environment:
 *
 * <ul>
 *   <li>{@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY}, then {@code KLING_ACCESS_KEY_1} +
 *       {@code KLING_SECRET_KEY_1}, {@code _2}… — one {@link KlingCredentials} per pair, in that
 *       order (pair {@code i} is {@code KeyId("kling", i)}); a pair with only one half is an error.
 *   <li>{@code KLING_BASE_URL}, default {@value #DEFAULT_BASE_URL} (servers outside China; the old
 *       {@code https://api.klingai.com} still answers for older accounts).
 *   <li>{@code KLING_MODELS}: "id:Name,id:Name" read by {@link KlingModel#parseAll}; default {@value
 *       #DEFAULT_MODELS} — seed 000's "kling-3.0:Kling 3.0,kling-2.6:Kling 2.6,kling-1.5:Kling 1.5"
 *       with the ids the API takes ({@code model_name}; the seed's spellings are accepted as
 *       aliases). Kling 1.5 is left out of the default: the API makes video from a photo only with
 *       it, so a text → video order would always fail. The Telegram adapter should offer the
 *       models of {@link #models()}.
 *   <li>{@code KLING_MODE} ({@code std} or {@code pro}, default {@value #DEFAULT_MODE}), {@code
 *       KLING_POLL_SECONDS} (default 15), and for video → video a public URL of our stored input
 *       video: Kling's omni-video endpoint takes a reference video only by URL, so bootstrap passes
 *       {@link PublicMediaUrls} built from {@code PUBLIC_BASE_URL} (none configured: video → video
 *       jobs fail with a clear reason).
 * </ul>
 *
 * <p>{@code typicalDuration} is how long a generation usually takes; Kling reports no percentage,
 * so progress is estimated from it. {@code maxVideoBytes} bounds the download of a result. The
 * keys never appear in {@link #toString()}.
 */
public record KlingSettings(
    String baseUrl,
    List<KlingCredentials> credentials,
    List<KlingModel> models,
    String mode,
    Duration connectTimeout,
    Duration readTimeout,
    Duration downloadTimeout,
    Duration pollInterval,
    Duration typicalDuration,
    long maxVideoBytes,
    PublicMediaUrls publicMediaUrls) {

  public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com/";
  public static final String DEFAULT_MODELS = "kling-v3:Kling 3.0,kling-v2-6:Kling 2.6";
  public static final String DEFAULT_MODE = "std";
  public static final Set<String> MODES = Set.of("std", "pro");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Kling answers a create or a query at once; only its file server sends much. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** A result of tens of megabytes, well within a job's 5-minute lease. */
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(3);
  /** Queries cost nothing and take no concurrency slot; a 5 s video takes minutes. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_TYPICAL_DURATION = Duration.ofMinutes(4);
  public static final long DEFAULT_MAX_VIDEO_BYTES = 300L * 1024 * 1024;

  private static final int MAX_KEYS = 100;
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Our own public URL of a stored file, for the inputs Kling takes only by URL. */
  @FunctionalInterface
  public interface PublicMediaUrls {

    /** None: video → video is refused. */
    PublicMediaUrls NONE = mediaKey -> Optional.empty();

    /** An https URL that serves the file {@code mediaKey} without any credential; never a Telegram file URL. */
    Optional<String> urlOf(String mediaKey);
  }

  public KlingSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(typicalDuration, "typicalDuration");
    Objects.requireNonNull(publicMediaUrls, "publicMediaUrls");
    baseUrl = requireHttpUrl(baseUrl.strip());
    if (credentials.isEmpty() || credentials.size() > MAX_KEYS) {
      throw new IllegalArgumentException("Kling needs 1.." + MAX_KEYS + " key pairs, got " + credentials.size());
    }
    credentials.forEach(c -> Objects.requireNonNull(c, "credentials"));
    credentials = List.copyOf(credentials);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("Kling needs at least one model");
    }
    models = List.copyOf(models);
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("Kling mode must be std or pro, was \"" + mode + "\"");
    }
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
    requirePositive(downloadTimeout, "download timeout");
    requirePositive(pollInterval, "poll interval");
    requirePositive(typicalDuration, "typical duration");
    if (maxVideoBytes < 1024 || maxVideoBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Kling's largest video must be 1 KiB .. 2 GiB, was " + maxVideoBytes);
    }
  }

  /** The defaults with {@code credentials}. */
  public static KlingSettings of(List<KlingCredentials> credentials) {
    return new KlingSettings(DEFAULT_BASE_URL, credentials, KlingModel.parseAll(DEFAULT_MODELS), DEFAULT_MODE,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT, DEFAULT_POLL_INTERVAL,
        DEFAULT_TYPICAL_DURATION, DEFAULT_MAX_VIDEO_BYTES, PublicMediaUrls.NONE);
  }

  public KlingSettings withBaseUrl(String url) {
    return new KlingSettings(url, credentials, models, mode, connectTimeout, readTimeout, downloadTimeout,
        pollInterval, typicalDuration, maxVideoBytes, publicMediaUrls);
  }

  public KlingSettings withModels(List<KlingModel> list) {
    return new KlingSettings(baseUrl, credentials, list, mode, connectTimeout, readTimeout, downloadTimeout,
        pollInterval, typicalDuration, maxVideoBytes, publicMediaUrls);
  }

  public KlingSettings withMode(String value) {
    return new KlingSettings(baseUrl, credentials, models, value, connectTimeout, readTimeout, downloadTimeout,
        pollInterval, typicalDuration, maxVideoBytes, publicMediaUrls);
  }

  public KlingSettings withPollInterval(Duration value) {
    return new KlingSettings(baseUrl, credentials, models, mode, connectTimeout, readTimeout, downloadTimeout,
        value, typicalDuration, maxVideoBytes, publicMediaUrls);
  }

  public KlingSettings withPublicMediaUrls(PublicMediaUrls value) {
    return new KlingSettings(baseUrl, credentials, models, mode, connectTimeout, readTimeout, downloadTimeout,
        pollInterval, typicalDuration, maxVideoBytes, value);
  }

  public KlingSettings withTimeouts(Duration connect, Duration read, Duration download) {
    return new KlingSettings(baseUrl, credentials, models, mode, connect, read, download, pollInterval,
        typicalDuration, maxVideoBytes, publicMediaUrls);
  }

  public KlingSettings withMaxVideoBytes(long value) {
    return new KlingSettings(baseUrl, credentials, models, mode, connectTimeout, readTimeout, downloadTimeout,
        pollInterval, typicalDuration, value, publicMediaUrls);
  }

  /** Our public URL of the stored file {@code mediaKey}, when one is configured. */
  public Optional<String> publicMediaUrl(String mediaKey) {
    return publicMediaUrls.urlOf(mediaKey);
  }

  /** The longest a create or query call may take. */
  Duration callTimeout() {
    return connectTimeout.plus(readTimeout).plus(readTimeout);
  }

  @Override
  public String toString() {
    return "KlingSettings[baseUrl=" + baseUrl + ", credentials=" + credentials.size() + " (hidden), models="
        + models + ", mode=" + mode + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", downloadTimeout=" + downloadTimeout + ", pollInterval=" + pollInterval + ", typicalDuration="
        + typicalDuration + ", maxVideoBytes=" + maxVideoBytes + ", publicMediaUrls="
        + (publicMediaUrls == PublicMediaUrls.NONE ? "none" : "configured") + "]";
  }

  private static String requireHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("Kling base URL must be an http(s) URL without query or credentials, was "
            + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Kling base URL is not a URL: " + url, e);
    }
    return url.endsWith("/") ? url : url + "/";
  }

  private static void requirePositive(Duration value, String what) {
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("Kling " + what + " must be positive and at most an hour, was " + value);
    }
  }
}
