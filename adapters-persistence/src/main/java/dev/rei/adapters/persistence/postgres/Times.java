package dev.rei.adapters.persistence.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code timestamptz}, which keeps microseconds: finer parts are dropped on the way in. */
final class Times {

  private Times() {}

  static OffsetDateTime toDb(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(OffsetDateTime time) {
    return time.toInstant();
  }
}
