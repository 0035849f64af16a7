package dev.rei.bootstrap.wiring;

import dev.rei.bootstrap.config.Secret;
import java.util.Objects;

/** The Redis server chosen for this process, embedded or external; the URL may hold a password. */
record RedisEndpoint(Secret url) {

  RedisEndpoint {
    Objects.requireNonNull(url, "url");
  }
}
