package dev.rei.bootstrap.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read again only when older than {@code maxAge}: the gauges read the database through it,
 * so however often Prometheus scrapes, the database is asked at most once per {@code maxAge}.
 */
final class Cached<T> {

  private final Supplier<T> read;
  private final long maxAgeNanos;
  private T value;
  private long takenAtNanos;

  Cached(Supplier<T> read, Duration maxAge) {
    this.read = Objects.requireNonNull(read, "read");
    this.maxAgeNanos = maxAge.toNanos();
  }

  synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - takenAtNanos > maxAgeNanos) {
      value = read.get();
      takenAtNanos = now;
    }
    return value;
  }
}
