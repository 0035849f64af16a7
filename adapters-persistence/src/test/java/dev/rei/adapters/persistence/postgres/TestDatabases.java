package dev.rei.adapters.persistence.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL server per test JVM: embedded (PostgreSQL 17 from Maven Central) unless
 * {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER} / {@code TEST_DATABASE_PASSWORD})
 * names a running one. Each caller gets a database of its own, so tests never see each other's
 * rows: {@link #fresh()} copies a template migrated once per JVM (a copy takes milliseconds,
 * migrating takes far longer), {@link #empty()} has no schema at all.
 */
public final class TestDatabases {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String PREFIX = "rei_test_" + ProcessHandle.current().pid() + "_";
  private static final String TEMPLATE = PREFIX + "template";

  private static Server server;
  private static boolean templateReady;

  private TestDatabases() {}

  /** A new database with the current schema (the migrations applied, system accounts seeded). */
  public static synchronized Credentials fresh() {
    Server on = server();
    if (!templateReady) {
      on.create(TEMPLATE, null);
      Credentials template = on.credentials(TEMPLATE);
      Flyway.configure().dataSource(template.url(), template.user(), template.password())
          .locations("classpath:db/migration").load().migrate();
      templateReady = true;
    }
    String name = PREFIX + NEXT.incrementAndGet();
    on.create(name, TEMPLATE);
    return on.credentials(name);
  }

  /** A new database with no schema, for running the migrations from scratch. */
  public static synchronized Credentials empty() {
    Server on = server();
    String name = PREFIX + NEXT.incrementAndGet();
    on.create(name, null);
    return on.credentials(name);
  }

  private static Server server() {
    if (server == null) {
      String url = System.getenv("TEST_DATABASE_URL");
      server = url == null || url.isBlank() ? Server.embedded() : Server.external(url,
          System.getenv().getOrDefault("TEST_DATABASE_USER", "postgres"),
          System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
    }
    return server;
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

  /** A server test databases are created on; on a running server they are dropped when the JVM ends. */
  private record Server(String adminUrl, String user, String password, List<String> created) {

    static Server embedded() {
      EmbeddedPostgresServer embedded = EmbeddedPostgresServer.ephemeral();
      // The temporary data directory goes with the server: nothing to drop.
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      return new Server(embedded.jdbcUrl("postgres"), embedded.user(), embedded.password(), null);
    }

    static Server external(String url, String user, String password) {
      Server server = new Server(url, user, password, new CopyOnWriteArrayList<>());
      Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated));
      return server;
    }

    void create(String name, String template) {
      try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
        s.execute("create database " + name + (template == null ? "" : " template " + template));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create test database " + name + " on " + adminUrl, e);
      }
      if (created != null) {
        created.add(name);
      }
    }

    Credentials credentials(String name) {
      int slash = adminUrl.lastIndexOf('/');
      int query = adminUrl.indexOf('?', slash);
      return new Credentials(adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : ""),
          user, password);
    }

    private void dropCreated() {
      try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
        for (String name : created) {
          s.execute("drop database if exists " + name + " with (force)");
        }
      } catch (SQLException e) {
        System.err.println("could not drop the test databases on " + adminUrl + ": " + e.getMessage());
      }
    }
  }
}
