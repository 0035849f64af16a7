package dev.rei.application.port.in.admin;

import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A configured pool of API keys: a generation provider's, or a helper service's used inside one
 * (the Reels script writer's OpenAI keys). Its keys are {@code KeyId(provider, 0 .. keys − 1)}.
 */
public record KeyPoolSize(ProviderName provider, int keys) {

  public KeyPoolSize {
    Objects.requireNonNull(provider, "provider");
    if (keys < 1) {
      throw new IllegalArgumentException("a key pool of " + provider + " has at least one key, was " + keys);
    }
  }

  /** The ids of the pool's keys, in order. */
  public List<KeyId> keyIds() {
    return IntStream.range(0, keys).mapToObj(i -> new KeyId(provider, i)).toList();
  }
}
