package dev.rei.bootstrap.testing;

import dev.rei.adapters.persistence.postgres.EmbeddedPostgresServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One throw-away PostgreSQL server for the whole test run (starting one costs seconds), handing
 * each test a database of its own; stopped when the test JVM ends.
 */
public final class TestServers {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgresServer postgres;

  private TestServers() {}

  public static synchronized EmbeddedPostgresServer postgres() {
    if (postgres == null) {
      postgres = EmbeddedPostgresServer.ephemeral();
      EmbeddedPostgresServer started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
    }
    return postgres;
  }

  /** A new, empty database; its JDBC URL (user {@code postgres}, no password). */
  public static String newDatabaseUrl() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    postgres().createDatabaseIfAbsent(name);
    return postgres().jdbcUrl(name);
  }
}
