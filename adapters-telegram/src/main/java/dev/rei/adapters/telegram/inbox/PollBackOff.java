package dev.rei.adapters.telegram.inbox;

import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * How long the poller waits after a failed getUpdates: 0.5 s doubling to 30 s, with jitter, for
 * as long as it takes. The library's default gives up after 15 minutes and then waits 15 minutes
 * between polls, which would leave the bot deaf long after Telegram is back.
 */
public final class PollBackOff implements BackOff {

  private static final long FIRST_MILLIS = 500;
  private static final long LONGEST_MILLIS = 30_000;

  private long next = FIRST_MILLIS;

  @Override
  public synchronized void reset() {
    next = FIRST_MILLIS;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long wait = next;
    next = Math.min(LONGEST_MILLIS, next * 2);
    long jitter = wait / 4;
    return wait - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1);
  }
}
