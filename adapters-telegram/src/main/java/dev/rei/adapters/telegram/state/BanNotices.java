package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import java.time.Duration;

/**
 * Whether a banned user has been told about the ban — by the ban notice or by the answer to their
 * first message afterwards — so they are told once, not on every message. Unbanning forgets it.
 */
public final class BanNotices {

  static final String NAMESPACE = "banned-told";
  private static final Duration TTL = Duration.ofDays(365);

  private final ChatStateStore store;
  private final Clock clock;

  public BanNotices(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records that {@code userId} was told; true if this is the first time. */
  public boolean tell(long userId) {
    String key = Long.toString(userId);
    if (store.get(NAMESPACE, key, clock.now()).isPresent()) {
      return false;
    }
    store.put(NAMESPACE, key, "told", clock.now().plus(TTL));
    return true;
  }

  public void forget(long userId) {
    store.remove(NAMESPACE, Long.toString(userId));
  }
}
