package dev.rei.adapters.telegram.send;

import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase.DispatchReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox dispatcher on one thread in the process that talks to Telegram, so its pacing
 * ({@code ChatPacer}) sees every message: dispatches a batch, again at once while messages go out,
 * and waits a little when none are due (or all are waiting for their chat's turn).
 */
public final class OutboxPump implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxPump.class);
  private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

  private final DispatchOutboxUseCase dispatch;
  private final int batch;
  private final Duration idleWait;
  private final UnaryOperator<String> redact;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  public OutboxPump(DispatchOutboxUseCase dispatch, int batch, Duration idleWait, UnaryOperator<String> redact) {
    this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    if (batch < 1) {
      throw new IllegalArgumentException("a batch holds at least one message");
    }
    this.batch = batch;
    this.idleWait = Objects.requireNonNull(idleWait, "idleWait");
    this.redact = redact;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "rei-outbox");
    thread.setDaemon(true);
    thread.start();
  }

  /** Something was written to the outbox: look now instead of at the next tick. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  private void loop() {
    while (running) {
      try {
        DispatchReport report = dispatch.dispatch(batch);
        if (report.sent() + report.undeliverable() == 0) {
          wake.tryAcquire(idleWait.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("outbox dispatch failed: {}", redact.apply(e.toString()));
        try {
          Thread.sleep(ERROR_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops after the batch in hand (waiting at most {@code grace}); unsent messages stay in the outbox. */
  public void stop(Duration grace) {
    Thread running;
    synchronized (this) {
      this.running = false;
      running = thread;
      thread = null;
    }
    if (running == null) {
      return;
    }
    wake.release();
    try {
      running.join(Math.max(1, grace.toMillis()));
      if (running.isAlive()) {
        running.interrupt();
        running.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
