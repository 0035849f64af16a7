package dev.rei.bootstrap.run;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a JVM that a forgotten non-daemon thread keeps alive after the work is done: it names the
 * threads (the bug to fix) and halts with {@link #KEPT_ALIVE_EXIT_CODE}, so an operator's stop never
 * hangs and a test sees the failure instead of waiting for ever.
 */
public final class ExitWatchdog {

  public static final int KEPT_ALIVE_EXIT_CODE = 3;
  private static final Logger LOG = LoggerFactory.getLogger(ExitWatchdog.class);

  private ExitWatchdog() {}

  /** Arms the watchdog; if the JVM is still alive after {@code patience}, it halts it. */
  public static void arm(Duration patience) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(patience.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      List<String> holders = nonDaemonThreads();
      LOG.error("the work is done but the JVM is still running {} later; non-daemon threads: {}", patience, holders);
      Runtime.getRuntime().halt(KEPT_ALIVE_EXIT_CODE);
    }, "rei-exit-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Live non-daemon threads other than the JVM's own exit thread. */
  public static List<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM"))
        .map(Thread::getName)
        .sorted()
        .toList();
  }
}
