package dev.rei.adapters.telegram.inbox;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Telegram side's tables small: hourly it forgets expired chat state (old buttons,
 * finished conversations) and handled inbox updates older than a week (Telegram never resends an
 * update that old). Running it twice, here and in another process, is harmless.
 */
public final class Housekeeping implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  static final Duration EVERY = Duration.ofHours(1);
  static final Duration KEEP_HANDLED = Duration.ofDays(7);

  private final ChatStateStore chatState;
  private final InboundUpdates inbox;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public Housekeeping(ChatStateStore chatState, InboundUpdates inbox, Clock clock) {
    this.chatState = chatState;
    this.inbox = inbox;
    this.clock = clock;
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rei-telegram-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(this::runOnce, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  /** One round; never throws, so the schedule goes on. */
  public void runOnce() {
    try {
      int states = chatState.purgeExpired(clock.now());
      int updates = inbox.purgeHandled(clock.now().minus(KEEP_HANDLED));
      log.debug("housekeeping: {} expired chat states and {} old inbox updates forgotten", states, updates);
    } catch (RuntimeException e) {
      log.warn("housekeeping failed, trying again in an hour: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }
}
