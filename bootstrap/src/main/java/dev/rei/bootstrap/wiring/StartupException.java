package dev.rei.bootstrap.wiring;

/** The process could not start; the message says why in one line, the cause has the details. */
public final class StartupException extends RuntimeException {

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
