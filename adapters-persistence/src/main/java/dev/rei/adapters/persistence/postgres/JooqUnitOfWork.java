package dev.rei.adapters.persistence.postgres;

import dev.rei.application.port.out.UnitOfWork;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Transactions on PostgreSQL, bound to the calling thread: stores find the running transaction
 * here, a nested call joins it, and an exception rolls back and propagates. A transaction that
 * loses a serialization conflict or a deadlock is run again (up to three times), which is safe
 * because the work only touches the database.
 */
public final class JooqUnitOfWork implements UnitOfWork {

  private static final int ATTEMPTS = 3;

  private final DSLContext root;
  private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

  public JooqUnitOfWork(DSLContext root) {
    this.root = root;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    DSLContext outer = current.get();
    if (outer != null) {
      // jOOQ runs a nested transaction as a savepoint: a failure undoes only the nested work.
      return outer.transactionResult(configuration -> {
        current.set(configuration.dsl());
        try {
          return work.get();
        } finally {
          current.set(outer);
        }
      });
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return root.transactionResult(configuration -> {
          current.set(configuration.dsl());
          try {
            return work.get();
          } finally {
            current.remove();
          }
        });
      } catch (DataAccessException e) {
        if (attempt >= ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
      }
    }
  }

  /** Runs {@code query} in the current transaction, or in a transaction of its own. */
  <T> T query(Function<DSLContext, T> query) {
    DSLContext joined = current.get();
    return joined != null ? query.apply(joined) : inTransaction(() -> query.apply(current.get()));
  }

  /**
   * Runs {@code query} in a transaction of its own on another connection, committed when it returns,
   * whatever transaction this thread is in: for state that must be visible at once and does not
   * depend on the surrounding change.
   */
  <T> T queryAlone(Function<DSLContext, T> query) {
    return root.transactionResult(configuration -> query.apply(configuration.dsl()));
  }

  private static boolean isRetryable(DataAccessException e) {
    SQLException sql = e.getCause(SQLException.class);
    String state = sql == null ? null : sql.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }
}
