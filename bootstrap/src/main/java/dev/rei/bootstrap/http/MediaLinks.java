package dev.rei.bootstrap.http;

import dev.rei.adapters.telegram.send.ResultLinks;
import dev.rei.application.port.out.Clock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links to stored media under {@code PUBLIC_BASE_URL/media/}: for results too large
 * for Telegram and for providers that must fetch an input by URL. A link names the media key and
 * its expiry and carries an HMAC-SHA256 of both, so nobody can list or guess other files.
 */
public final class MediaLinks implements ResultLinks {

  public static final String PATH_PREFIX = "/media/";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private final URI baseUrl;
  private final byte[] secret;
  private final Duration validity;
  private final Clock clock;

  public MediaLinks(URI baseUrl, String secret, Duration validity, Clock clock) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    this.validity = Objects.requireNonNull(validity, "validity");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<String> linkFor(String mediaKey, String contentType) {
    return link(mediaKey);
  }

  /** A link to {@code mediaKey} valid for the configured time from now; empty for a key that cannot be linked. */
  public Optional<String> link(String mediaKey) {
    if (mediaKey == null || !KEY.matcher(mediaKey).matches()) {
      return Optional.empty();
    }
    long expires = clock.now().plus(validity).getEpochSecond();
    return Optional.of(baseUrl + PATH_PREFIX + mediaKey + "?exp=" + expires + "&sig=" + sign(mediaKey, expires));
  }

  /** The media key a request may read, if its signature is ours and has not expired. */
  public Optional<String> verify(String path, String query) {
    if (!path.startsWith(PATH_PREFIX)) {
      return Optional.empty();
    }
    String key = path.substring(PATH_PREFIX.length());
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    String exp = null;
    String sig = null;
    for (String pair : query.split("&")) {
      if (pair.startsWith("exp=")) {
        exp = pair.substring(4);
      } else if (pair.startsWith("sig=")) {
        sig = pair.substring(4);
      }
    }
    if (exp == null || sig == null || !exp.matches("\\d{1,12}")) {
      return Optional.empty();
    }
    long expires = Long.parseLong(exp);
    boolean signed = MessageDigest.isEqual(sign(key, expires).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
    return signed && Instant.ofEpochSecond(expires).isAfter(clock.now()) ? Optional.of(key) : Optional.empty();
  }

  private String sign(String key, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal((key + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
