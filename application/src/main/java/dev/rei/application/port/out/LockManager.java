package dev.rei.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Named locks with expiry across processes, to cut contention (one sweeper at a time, say).
 * Correctness never depends on them: the database's row locks do that.
 */
public interface LockManager {

  /** The lock if it was free, held for {@code ttl} unless extended or released. */
  Optional<DistributedLock> tryAcquire(String name, Duration ttl);

  /** A held lock. Its fencing token grows with every acquisition of the name. */
  interface DistributedLock extends AutoCloseable {

    String name();

    long fencingToken();

    /** Extends the lock if still held by us; false if it expired and someone else may hold it. */
    boolean extend(Duration ttl);

    /** Releases the lock if still held by us; never releases another holder's lock. */
    boolean release();

    @Override
    default void close() {
      release();
    }
  }
}
