package dev.rei.adapters.payments;

import dev.rei.domain.payment.Rail;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rail's circuit as {@code /health/payments} shows it: closed (calls go through), open (calls
 * fail fast) or half-open (a few trial calls), with the last outage seen, if any.
 *
 * @param lastError a one-line summary of the last outage (never a credential)
 */
public record RailHealth(Rail rail, State state, Optional<String> lastError, Optional<Instant> lastErrorAt) {

  public RailHealth {
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lastErrorAt, "lastErrorAt");
  }

  /** Whether the rail takes calls now. */
  public boolean available() {
    return state != State.OPEN;
  }

  /** The circuit's state. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }
}
