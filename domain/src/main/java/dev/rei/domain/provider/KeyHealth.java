package dev.rei.domain.provider;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One key and its block, if it has one; a block whose time has passed no longer counts. */
public record KeyHealth(KeyId key, Optional<KeyBlock> block) {

  public KeyHealth {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(block, "block");
  }

  public static KeyHealth healthy(KeyId key) {
    return new KeyHealth(key, Optional.empty());
  }

  public boolean isHealthyAt(Instant now) {
    return block.map(b -> !b.isActiveAt(now)).orElse(true);
  }

  /** When the key is usable again; for a healthy key, {@code now}. */
  public Instant usableFrom(Instant now) {
    return isHealthyAt(now) ? now : block.orElseThrow().until();
  }
}
