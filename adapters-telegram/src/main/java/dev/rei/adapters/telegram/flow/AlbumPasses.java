package dev.rei.adapters.telegram.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the rate limit decided for the first message of each recent album: an album of ten photos
 * is one thing the user did, so its other photos follow the first one's decision instead of
 * counting as ten messages. Kept in memory: one bot process handles every update (DESIGN §5), and
 * after a restart the rest of an album merely counts again.
 */
final class AlbumPasses {

  private static final int REMEMBERED = 10_000;

  private final Map<String, Boolean> allowed = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** Whether the album's first message was let through; empty for an album not seen yet. */
  synchronized Optional<Boolean> decided(String mediaGroupId) {
    return Optional.ofNullable(allowed.get(mediaGroupId));
  }

  synchronized void remember(String mediaGroupId, boolean wasAllowed) {
    allowed.putIfAbsent(mediaGroupId, wasAllowed);
  }
}
