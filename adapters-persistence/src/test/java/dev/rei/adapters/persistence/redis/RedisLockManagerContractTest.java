package dev.rei.adapters.persistence.redis;

import dev.rei.application.contract.LockManagerContract;
import dev.rei.application.port.out.LockManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

class RedisLockManagerContractTest extends LockManagerContract {

  private RedisConnection connection;

  @Override
  protected LockManager newLockManager() {
    connection = TestRedis.fresh();
    return new RedisLockManager(connection);
  }

  /** Redis expires keys by its own clock, so real time has to pass; a small margin covers its millisecond rounding. */
  @Override
  protected void letPass(Duration duration) {
    try {
      Thread.sleep(duration.toMillis() + 20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while letting a lock expire", e);
    }
  }

  @AfterEach
  void drop() {
    TestRedis.drop(connection);
  }
}
