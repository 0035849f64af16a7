package dev.rei.bootstrap.wiring;

import dev.rei.domain.provider.ProviderName;
import java.util.Objects;

/**
 * A key pool a provider module installs, read from the configuration (not from the provider, which
 * a process may never build): {@code keys} may be 0 when this process has none configured, and the
 * pool is then not watched. Each provider module contributes one per pool it uses.
 */
public record ConfiguredKeyPool(ProviderName provider, int keys) {

  public ConfiguredKeyPool {
    Objects.requireNonNull(provider, "provider");
    if (keys < 0) {
      throw new IllegalArgumentException("a key count is not negative, was " + keys);
    }
  }
}
