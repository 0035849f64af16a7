package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryLockManager;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.LockManager;
import java.time.Duration;
import java.time.Instant;

class InMemoryLockManagerContractTest extends LockManagerContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));

  @Override
  protected LockManager newLockManager() {
    return new InMemoryLockManager(clock);
  }

  @Override
  protected void letPass(Duration duration) {
    clock.advance(duration.plusMillis(1));
  }
}
