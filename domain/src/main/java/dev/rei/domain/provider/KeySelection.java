package dev.rei.domain.provider;

import java.util.Objects;

/**
 * The key to use for the next call. {@code allBlocked} means every key was blocked and this is
 * the one whose block ends first: the call may well fail, and admins should hear of it.
 */
public record KeySelection(KeyId key, boolean allBlocked) {

  public KeySelection {
    Objects.requireNonNull(key, "key");
  }
}
