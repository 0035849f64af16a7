package dev.rei.bootstrap.run;

import java.time.Duration;

/**
 * A part of a process that runs in the background between {@link #start()} and {@link #stop}: the
 * job workers, the HTTP server, the Telegram poller. Stopping stops taking new work, lets work in
 * progress finish for at most {@code grace}, and leaves no thread that keeps the JVM alive.
 */
public interface Managed {

  /** A short name for logs. */
  String name();

  void start() throws Exception;

  /** Stops; called once, after a successful {@link #start()}, and must not throw. */
  void stop(Duration grace);
}
