package dev.rei.application.fakes;

import dev.rei.application.port.out.WorkSignal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link WorkSignal} that counts signals and wakes waiters when the signalling transaction commits. */
public final class ManualWorkSignal implements WorkSignal {

  private final InMemoryDatabase db;
  private final Semaphore permits = new Semaphore(0);
  private final AtomicInteger signals = new AtomicInteger();

  public ManualWorkSignal(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void signal() {
    db.afterCommit(() -> {
      signals.incrementAndGet();
      permits.release();
    });
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    boolean signalled = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    permits.drainPermits();
    return signalled;
  }

  public int signals() {
    return signals.get();
  }
}
