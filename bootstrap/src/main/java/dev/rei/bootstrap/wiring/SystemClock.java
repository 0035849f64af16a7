package dev.rei.bootstrap.wiring;

import dev.rei.application.port.out.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The wall clock in microseconds, PostgreSQL's precision: an instant read back from the database
 * equals the one written, so a job or transfer compares equal to itself after a round trip.
 */
final class SystemClock implements Clock {

  @Override
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
