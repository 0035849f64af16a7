package dev.rei.bootstrap.config;

import java.util.Objects;

/** Where the health, metrics (and later webhook) endpoints listen; port 0 takes any free port. */
public record HttpSettings(String host, int port) {

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
  }
}
