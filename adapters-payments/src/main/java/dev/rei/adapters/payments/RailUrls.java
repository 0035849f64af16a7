package dev.rei.adapters.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** Checks the URLs in rail settings: http(s), a host, no credentials or fragment. */
public final class RailUrls {

  private RailUrls() {}

  /** A base URL, ending in {@code /}, without query. */
  public static String requireBaseUrl(String url, String name) {
    String checked = requireHttpUrl(url, name);
    if (URI.create(checked).getRawQuery() != null) {
      throw new IllegalArgumentException(name + " must have no query, was " + checked);
    }
    return checked.endsWith("/") ? checked : checked + "/";
  }

  /** An absolute http(s) URL with a host and no credentials. */
  public static String requireHttpUrl(String url, String name) {
    Objects.requireNonNull(url, name);
    String trimmed = url.strip();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
          || uri.getRawUserInfo() != null || uri.getRawFragment() != null || trimmed.length() > 255) {
        throw new IllegalArgumentException(name + " must be an http(s) URL of at most 255 characters, without "
            + "credentials or fragment, was " + RailHttp.truncate(trimmed));
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + RailHttp.truncate(trimmed), e);
    }
    return trimmed;
  }
}
