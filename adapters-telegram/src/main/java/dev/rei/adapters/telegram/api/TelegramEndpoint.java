package dev.rei.adapters.telegram.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Where the Bot API answers: Telegram's own server or a self-hosted one. TelegramBots builds
 * {@code scheme://host:port/bot<token>/<method>} and has no room for a base path, so the URL is
 * a scheme, a host and an optional port only.
 */
public record TelegramEndpoint(String scheme, String host, int port) {

  public static final TelegramEndpoint TELEGRAM = new TelegramEndpoint("https", "api.telegram.org", 443);

  public TelegramEndpoint {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("the Bot API URL must be http or https, was " + scheme);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("the Bot API URL needs a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the Bot API port must be 1..65535, was " + port);
    }
  }

  /** Parses e.g. {@code https://api.telegram.org} or {@code http://127.0.0.1:8081}. */
  public static TelegramEndpoint parse(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the Bot API URL is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the Bot API URL needs a scheme and a host, e.g. https://api.telegram.org");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the Bot API URL must be scheme://host[:port] only (no path, query or user)");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramEndpoint(scheme, uri.getHost(), port);
  }

  /** The library's form of this endpoint. */
  public TelegramUrl telegramUrl() {
    return new TelegramUrl(scheme, host, port, false);
  }

  /** {@code scheme://host:port}, without a trailing slash. */
  public String base() {
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + bracketed + ":" + port;
  }
}
