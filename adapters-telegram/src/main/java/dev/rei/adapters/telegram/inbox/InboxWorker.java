package dev.rei.adapters.telegram.inbox;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.InboundUpdates.InboundUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Works the inbox: several threads claim updates ({@link InboundUpdates#claimNext} hands out one
 * update per chat at a time, so one chat stays in order while chats run side by side), hand each
 * to the {@link UpdateHandler} and mark it handled. A handler that throws is retried at once, a
 * few times with a short pause; an update that still fails — or whose claims keep dying with the
 * process — is logged by id, apologised for and marked handled, so it never blocks its chat.
 */
public final class InboxWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
  private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

  private final InboundUpdates inbox;
  private final UpdateCodec codec;
  private final UpdateHandler handler;
  private final Clock clock;
  private final Settings settings;
  private final UnaryOperator<String> redact;
  private final Semaphore wake = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /**
   * How the worker runs: {@code threads} handlers at once, each update leased for {@code lease}
   * (longer than any handler takes: a photo download included), tried at most {@code maxAttempts}
   * times with {@code retryPause} × attempt between tries, idle threads looking again every
   * {@code idlePoll}.
   */
  public record Settings(int threads, Duration lease, int maxAttempts, Duration idlePoll, Duration retryPause) {
    public Settings {
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(idlePoll, "idlePoll");
      Objects.requireNonNull(retryPause, "retryPause");
      if (threads < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException("at least one thread and one attempt");
      }
      if (lease.isNegative() || lease.isZero() || idlePoll.isNegative() || idlePoll.isZero()
          || retryPause.isNegative()) {
        throw new IllegalArgumentException("the lease and the idle poll must be positive, the pause not negative");
      }
    }

    public static Settings defaults() {
      return new Settings(4, Duration.ofMinutes(2), 3, Duration.ofSeconds(1), Duration.ofMillis(200));
    }
  }

  public InboxWorker(InboundUpdates inbox, UpdateCodec codec, UpdateHandler handler, Clock clock, Settings settings,
      UnaryOperator<String> redact) {
    this.inbox = inbox;
    this.codec = codec;
    this.handler = handler;
    this.clock = clock;
    this.settings = settings;
    this.redact = redact;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < settings.threads(); i++) {
      Thread thread = new Thread(this::loop, "rei-inbox-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** New updates are in the inbox: wake idle threads now rather than at their next look. */
  public void wake() {
    if (wake.availablePermits() < settings.threads()) {
      wake.release(settings.threads());
    }
  }

  private void loop() {
    while (running) {
      try {
        Optional<InboundUpdate> next = inbox.claimNext(clock.now(), settings.lease());
        if (next.isPresent()) {
          process(next.get());
        } else {
          wake.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("inbox worker error: {}", redact.apply(e.toString()));
        pause(ERROR_PAUSE);
      }
    }
  }

  /** Handles one claimed update to the end: handled, or given up on. */
  void process(InboundUpdate claimed) {
    Update update;
    try {
      update = codec.decode(claimed.payload());
    } catch (RuntimeException e) {
      log.error("update {} is not readable and is dropped: {}", claimed.updateId(), e.getMessage());
      inbox.markHandled(claimed.updateId(), clock.now());
      return;
    }
    if (claimed.attempts() > settings.maxAttempts()) {
      // Earlier claims died with their process (or hung past their lease): it may be what kills it.
      giveUp(claimed, update);
      return;
    }
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      try {
        handler.handle(update);
        inbox.markHandled(claimed.updateId(), clock.now());
        return;
      } catch (Exception e) {
        log.warn("update {} of chat {} failed (try {} of {}): {}", claimed.updateId(), claimed.chatId(), attempt,
            settings.maxAttempts(), redact.apply(e.toString()));
        if (!running) {
          // Shutting down: the lease runs out and the update is taken again after the restart.
          return;
        }
        if (attempt < settings.maxAttempts()) {
          pause(settings.retryPause().multipliedBy(attempt));
        }
      }
    }
    giveUp(claimed, update);
  }

  private void giveUp(InboundUpdate claimed, Update update) {
    // The payload is the user's content: only ids go to the log.
    log.error("update {} of chat {} kept failing; dropped with an apology to the user", claimed.updateId(),
        claimed.chatId());
    try {
      handler.giveUp(update);
    } catch (RuntimeException e) {
      log.warn("apology for update {} not sent: {}", claimed.updateId(), redact.apply(e.toString()));
    }
    inbox.markHandled(claimed.updateId(), clock.now());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops taking updates and waits up to {@code grace} for those in hand to finish; a thread
   * still busy then is interrupted (its update is taken again once its lease ends).
   */
  public void stop(Duration grace) {
    List<Thread> started;
    synchronized (this) {
      running = false;
      started = List.copyOf(threads);
      threads.clear();
    }
    wake.release(started.size() + 1);
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread thread : started) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread thread : started) {
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    for (Thread thread : started) {
      try {
        thread.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
