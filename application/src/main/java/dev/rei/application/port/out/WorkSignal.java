package dev.rei.application.port.out;

import java.time.Duration;

/**
 * Wakes idle workers when work arrives (PostgreSQL LISTEN/NOTIFY in the bot). A hint only:
 * workers also poll, so a lost signal delays work by at most the poll interval.
 */
public interface WorkSignal {

  /** Announces new or newly due work; inside a transaction, it is delivered on commit. */
  void signal();

  /** Waits until a signal arrives or {@code timeout} passes; true if signalled. */
  boolean await(Duration timeout) throws InterruptedException;
}
