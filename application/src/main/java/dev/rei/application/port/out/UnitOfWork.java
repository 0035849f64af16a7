package dev.rei.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary: everything the work does through the stores commits together or not
 * at all. A call inside a running transaction joins it. An exception from the work rolls back
 * and is rethrown unchanged.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
