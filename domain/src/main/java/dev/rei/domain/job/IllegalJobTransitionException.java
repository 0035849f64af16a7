package dev.rei.domain.job;

/** A move the state machine does not allow, or a move by a worker whose lease is stale. */
public final class IllegalJobTransitionException extends IllegalStateException {

  public IllegalJobTransitionException(String message) {
    super(message);
  }
}
