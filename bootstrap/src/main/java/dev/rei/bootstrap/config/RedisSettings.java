package dev.rei.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Redis: an external server when {@code REDIS_URL} is set (kept as a secret, as it may carry a
 * password), otherwise the embedded one; and the prefix of every key.
 */
public record RedisSettings(Optional<Secret> url, String namespace) {

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(namespace, "namespace");
  }

  /** {@code url} without its user and password, for logs. */
  public static String redact(String url) {
    return url.replaceFirst("^(rediss?://)[^@/]*@", "$1");
  }
}
