package dev.rei.bootstrap.run;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named daemon threads: a background thread must never be the reason a stopped process stays alive,
 * and an exception that escapes one is logged instead of vanishing.
 */
public final class DaemonThreads implements ThreadFactory {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonThreads.class);

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable work) {
    Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> LOG.error("thread {} died", t.getName(), e));
    return thread;
  }
}
