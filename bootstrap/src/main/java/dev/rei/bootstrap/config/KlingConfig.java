package dev.rei.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Kling video: key pairs (access key, secret key), base URL, mode (std/pro) and how often a task is polled. */
public record KlingConfig(List<KeyPair> keys, URI baseUrl, String mode, Duration pollInterval) {

  public KlingConfig {
    keys = List.copyOf(keys);
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** One Kling key: the access key names it (JWT issuer), the secret key signs its tokens. */
  public record KeyPair(Secret accessKey, Secret secretKey) {
    public KeyPair {
      Objects.requireNonNull(accessKey, "accessKey");
      Objects.requireNonNull(secretKey, "secretKey");
    }
  }
}
