package dev.rei.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the health, metrics and webhook endpoints listen (port 0 takes any free port), and, when
 * {@code PUBLIC_BASE_URL} is set, how signed links to stored media are made.
 */
public record HttpSettings(String host, int port, Optional<PublicLinks> publicLinks) {

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(publicLinks, "publicLinks");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
  }

  /** No public links: results above Telegram's upload limit are reported by order number. */
  public HttpSettings(String host, int port) {
    this(host, port, Optional.empty());
  }

  /** These settings listening on {@code newPort}. */
  public HttpSettings withPort(int newPort) {
    return new HttpSettings(host, newPort, publicLinks);
  }

  /** The address the world reaches this server at, the key links are signed with, and how long a link works. */
  public record PublicLinks(URI baseUrl, Secret secret, Duration validity) {
    public PublicLinks {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(validity, "validity");
    }
  }
}
