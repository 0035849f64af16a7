package dev.rei.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary: everything the work does through the stores commits together or not
 * at all. An exception from the work rolls back and is rethrown unchanged. A call inside a running
 * transaction (an embedder's own, say) joins it as a savepoint: its exception undoes only its own
 * writes, and the outer work decides whether to go on; its success commits with the outer.
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
