package dev.rei.bootstrap.run;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop. The JVM's own reaction (run the shutdown hooks,
 * exit 143) is replaced, so the process ends the normal way: the stop runs, the main thread
 * returns, and the JVM exits with 0 once no thread holds it — which is how a stray thread is noticed
 * ({@link ExitWatchdog}). A shutdown hook runs the same stop when the JVM ends any other way.
 */
public final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  /** Runs {@code stop} on SIGTERM, SIGINT or JVM exit; {@code stop} must be idempotent. */
  public static void install(Runnable stop) {
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> {
          LOG.info("SIG{} received: stopping", name);
          new Thread(stop, "rei-stop-on-sig" + name.toLowerCase(java.util.Locale.ROOT)).start();
        });
      } catch (IllegalArgumentException e) {
        // Not a signal on this platform: the shutdown hook still stops the process.
        LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "rei-shutdown-hook"));
  }
}
