package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * At most {@code permits} messages to support per user in any rolling {@code window}, so one user
 * cannot flood support. The times of the last messages are kept in the ChatStateStore (shared by
 * every bot process); a user's updates are handled one at a time, so reading and writing them needs
 * no lock. Not the RateLimiter: its escalating blocks punish a flood within a minute, whereas here
 * a user who wrote five times simply waits until the oldest message leaves the hour.
 */
public final class SupportQuota {

  static final String NAMESPACE = "support-quota";

  private final ChatStateStore store;
  private final Clock clock;
  private final int permits;
  private final Duration window;

  public SupportQuota(ChatStateStore store, Clock clock, int permits, Duration window) {
    if (permits < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a support quota allows at least one message in a positive window");
    }
    this.store = store;
    this.clock = clock;
    this.permits = permits;
    this.window = window;
  }

  /** Five messages an hour. */
  public static SupportQuota hourly(ChatStateStore store, Clock clock) {
    return new SupportQuota(store, clock, 5, Duration.ofHours(1));
  }

  public int permits() {
    return permits;
  }

  /** When {@code user} may write again, or empty if they may now. */
  public Optional<Instant> blockedUntil(UserId user) {
    List<Instant> recent = recent(user, clock.now());
    return recent.size() < permits ? Optional.empty() : Optional.of(recent.get(0).plus(window));
  }

  /** Counts one message of {@code user} now. */
  public void use(UserId user) {
    Instant now = clock.now();
    List<Instant> recent = new ArrayList<>(recent(user, now));
    recent.add(now);
    while (recent.size() > permits) {
      recent.remove(0);
    }
    store.put(NAMESPACE, key(user), recent.stream().map(at -> Long.toString(at.toEpochMilli()))
        .collect(Collectors.joining(",")), now.plus(window));
  }

  /** The times within the window, oldest first; anything unreadable counts as nothing. */
  private List<Instant> recent(UserId user, Instant now) {
    Instant from = now.minus(window);
    return store.get(NAMESPACE, key(user), now).map(value -> Arrays.stream(value.split(","))
        .map(SupportQuota::parse).flatMap(Optional::stream)
        .filter(at -> at.isAfter(from))
        .sorted().toList()).orElse(List.of());
  }

  private static Optional<Instant> parse(String millis) {
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String key(UserId user) {
    return Long.toString(user.value());
  }
}
