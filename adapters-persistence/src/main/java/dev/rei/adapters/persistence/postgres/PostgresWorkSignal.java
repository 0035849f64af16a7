package dev.rei.adapters.persistence.postgres;

import dev.rei.application.port.out.WorkSignal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes idle workers through PostgreSQL {@code LISTEN/NOTIFY}. {@link #signal()} sends {@code NOTIFY}
 * in the caller's transaction, so it arrives on commit; one listener thread on its own connection
 * wakes every waiting worker. A hint only: a connection pooler in transaction mode drops it, and
 * workers then fall back to their polling timeout.
 */
public final class PostgresWorkSignal implements WorkSignal, AutoCloseable {

  static final String CHANNEL = "rei_work";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWorkSignal.class);

  private final JooqUnitOfWork db;
  private final Object monitor = new Object();
  private final Thread listener;
  private long generation;
  private volatile boolean closed;

  public PostgresWorkSignal(JooqUnitOfWork db, String jdbcUrl, String user, String password) {
    this.db = db;
    this.listener = new Thread(() -> listen(jdbcUrl, user, password), "rei-work-signal");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public void signal() {
    db.query(dsl -> dsl.execute("notify " + CHANNEL));
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      long seen = generation;
      while (generation == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void listen(String jdbcUrl, String user, String password) {
    while (!closed) {
      try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null && notifications.length > 0) {
            wakeWorkers();
          }
        }
      } catch (SQLException e) {
        if (!closed) {
          // Workers keep polling meanwhile; wake them so nobody waits out a full timeout on a dead listener.
          LOG.warn("work signal listener lost its connection, reconnecting: {}", e.getMessage());
          wakeWorkers();
          sleepQuietly();
        }
      }
    }
  }

  private void wakeWorkers() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    listener.join(2_000);
  }
}
