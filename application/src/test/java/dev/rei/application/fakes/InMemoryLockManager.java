package dev.rei.application.fakes;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.LockManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link LockManager} in memory: expiry by the given clock, a fencing token that grows per name. */
public final class InMemoryLockManager implements LockManager {

  private final Clock clock;
  private final Map<String, Held> held = new HashMap<>();
  private final Map<String, Long> fences = new HashMap<>();

  public InMemoryLockManager(Clock clock) {
    this.clock = clock;
  }

  private record Held(long token, Instant until) {}

  @Override
  public synchronized Optional<DistributedLock> tryAcquire(String name, Duration ttl) {
    Objects.requireNonNull(name, "name");
    requirePositive(ttl);
    long token = fences.merge(name, 1L, Long::sum);
    Held current = held.get(name);
    if (current != null && clock.now().isBefore(current.until())) {
      return Optional.empty();
    }
    held.put(name, new Held(token, clock.now().plus(ttl)));
    return Optional.of(new Lock(name, token));
  }

  private static void requirePositive(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lock's ttl must be positive, was " + ttl);
    }
  }

  private synchronized boolean change(String name, long token, Duration extendBy) {
    Held current = held.get(name);
    if (current == null || current.token() != token || !clock.now().isBefore(current.until())) {
      return false;
    }
    if (extendBy == null) {
      held.remove(name);
    } else {
      held.put(name, new Held(token, clock.now().plus(extendBy)));
    }
    return true;
  }

  private final class Lock implements DistributedLock {
    private final String name;
    private final long token;

    Lock(String name, long token) {
      this.name = name;
      this.token = token;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public long fencingToken() {
      return token;
    }

    @Override
    public boolean extend(Duration ttl) {
      requirePositive(ttl);
      return change(name, token, ttl);
    }

    @Override
    public boolean release() {
      return change(name, token, null);
    }
  }
}
