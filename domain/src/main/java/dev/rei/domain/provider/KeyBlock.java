package dev.rei.domain.provider;

import java.time.Instant;
import java.util.Objects;

/** Why and until when a key is out of rotation. */
public record KeyBlock(KeyEffect cause, Instant until) {

  public KeyBlock {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(until, "until");
    if (cause == KeyEffect.NONE) {
      throw new IllegalArgumentException("a block has a cause");
    }
  }

  public boolean isActiveAt(Instant now) {
    return now.isBefore(until);
  }
}
