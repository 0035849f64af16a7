package dev.rei.adapters.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL server per test JVM: embedded (PostgreSQL 17 from Maven Central) unless
 * {@code TEST_DATABASE_URL} names a running one. Each caller gets a fresh, empty database on it.
 */
public final class TestDatabases {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static volatile EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** A new database, migrated by nobody yet: the JDBC URL, user and password to reach it. */
  public static Credentials fresh() {
    String name = "rei_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    String url = System.getenv("TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return createOn(url, System.getenv().getOrDefault("TEST_DATABASE_USER", "postgres"),
          System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""), name);
    }
    EmbeddedPostgres server = server();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Credentials(server.getJdbcUrl("postgres", name), "postgres", "");
  }

  private static Credentials createOn(String serverUrl, String user, String password, String name) {
    try (Connection c = java.sql.DriverManager.getConnection(serverUrl, user, password);
         Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
    }
    int slash = serverUrl.lastIndexOf('/');
    int query = serverUrl.indexOf('?', slash);
    String url = serverUrl.substring(0, slash + 1) + name + (query >= 0 ? serverUrl.substring(query) : "");
    return new Credentials(url, user, password);
  }

  private static EmbeddedPostgres server() {
    if (embedded == null) {
      synchronized (TestDatabases.class) {
        if (embedded == null) {
          try {
            embedded = EmbeddedPostgres.builder().start();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
          }
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              embedded.close();
            } catch (IOException ignored) {
              // The JVM is going away; the temporary data directory goes with it.
            }
          }));
        }
      }
    }
    return embedded;
  }

  /** Where a test database is. */
  public record Credentials(String url, String user, String password) {}

  static DataSource unpooled(Credentials credentials) {
    org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
    source.setUrl(credentials.url());
    source.setUser(credentials.user());
    source.setPassword(credentials.password());
    return source;
  }
}
