package dev.rei.domain.job;

import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import java.util.Objects;

/** What to tell the key pool about the key an attempt used. */
public record KeyReport(KeyId key, KeyEffect effect) {

  public KeyReport {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(effect, "effect");
  }
}
